package org.threshold.api.probe;

import java.nio.file.Path;
import java.util.List;

/**
 * What a probe reads and where it writes.
 *
 * @param runs one run, or the finished runs of a sweep (a probe picks its groups by labels and
 *     result figures)
 * @param outputDirectory where the probe writes its files (JSON/CSV numbers, PNG pictures)
 */
public record ProbeInput(List<TrainedRun> runs, Path outputDirectory) {

    public ProbeInput {
        runs = List.copyOf(runs);
    }
}
