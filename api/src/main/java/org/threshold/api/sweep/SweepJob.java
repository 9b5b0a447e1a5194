package org.threshold.api.sweep;

import java.nio.file.Path;
import java.util.List;

/**
 * What an executor is given: the sweep's directory, its points (already planned, so their run
 * identities are known) and the command that runs one point. The directory's layout (where a
 * point's run, logs and failure record go) is the {@code threshold-runs} module's
 * {@code SweepDirectory}.
 *
 * @param name the sweep's name
 * @param directory the sweep directory (runs in its {@code runs/})
 * @param points every grid point, in index order
 * @param command {@code threshold run SWEEP_FILE --index I}
 */
public record SweepJob(String name, Path directory, List<SweepPoint> points, PointCommand command) {

    public SweepJob {
        points = List.copyOf(points);
    }
}
