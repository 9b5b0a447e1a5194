package org.threshold.trainer.sweep;

import java.util.List;

/**
 * What an executor is given: the sweep's directory, its points (already planned, so their run
 * identities are known) and the command that runs one point.
 *
 * @param name the sweep's name
 * @param directory the sweep directory (runs in its {@code runs/})
 * @param points every grid point, in index order
 * @param command {@code threshold run SWEEP_FILE --index I}
 */
public record SweepJob(String name, SweepDirectory directory, List<IndexEntry> points, PointCommand command) {

    public SweepJob {
        points = List.copyOf(points);
    }
}
