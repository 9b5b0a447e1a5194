package org.threshold.app.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.threshold.analysis.sweep.AnalysisSettings;
import org.threshold.api.sweep.SweepExecutorProvider;
import org.threshold.trainer.sweep.SweepFile;

/**
 * A sweep file read and checked, its {@code sweep.analysis} section bound by the analysis
 * module's own record: the trainer reads the grid and the executor, the analysis its settings,
 * and their problems are reported together.
 *
 * @param file the sweep file
 * @param analysis what {@code threshold analyze} does
 */
public record SweepWithAnalysis(SweepFile file, AnalysisSettings analysis) {

    public static SweepWithAnalysis read(Path file, Map<String, SweepExecutorProvider<?>> executors, Map<String, String> executorSettings) {
        AtomicReference<AnalysisSettings> analysis = new AtomicReference<>(AnalysisSettings.defaults());
        SweepFile sweep = SweepFile.read(file, executors, executorSettings,
                (section, gridKeys, document) -> analysis.set(AnalysisSettings.bind(section, gridKeys, document)));
        return new SweepWithAnalysis(sweep, analysis.get());
    }
}
