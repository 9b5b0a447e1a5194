package org.threshold.app.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.threshold.analysis.sweep.AnalysisResult;
import org.threshold.analysis.sweep.AnalysisSettings;
import org.threshold.analysis.sweep.SweepAnalysis;
import org.threshold.analysis.transition.TransitionSettings;
import org.threshold.api.sweep.SweepExecutorProvider;
import org.threshold.app.probe.ProbeRunner;
import org.threshold.app.runfile.RunPlanner;
import org.threshold.runs.DamagedFileException;
import org.threshold.runs.sweep.SweepDirectory;
import org.threshold.runs.sweep.SweepIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code threshold analyze SWEEP_DIR}: transition points, figures and the report of a sweep. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Analyzes a sweep directory (threshold sweep runs it at its end).",
                "Per mixture: the logistic fit of the metric against log10(parameters), the transition point at the "
                        + "threshold with a bootstrap interval over seeds (or a bound, or why there is none), the runs above "
                        + "the threshold per size, and ratios between mixtures. Writes summary.csv and analysis/ "
                        + "(transition.json, PNG figures, report.html). Settings: the sweep file's sweep.analysis section "
                        + "(docs/SWEEPS.md); unfinished runs are left out and named.",
                "The sweep file's sweep.probes: run first, into SWEEP_DIR/probes/, and report.html shows them (docs/PROBES.md)."})
final class AnalyzeCommand implements Callable<Integer> {

    private final ThresholdCommand threshold;
    private final Provider<Map<String, SweepExecutorProvider<?>>> executors;
    private final Provider<RunPlanner> planner;
    private final SweepProbes sweepProbes;

    /** Made by Guice ({@link CommandFactory}); providers, since plugins are discovered once the options are parsed. */
    @Inject
    AnalyzeCommand(ThresholdCommand threshold,
                   Provider<Map<String, SweepExecutorProvider<?>>> executors,
                   Provider<RunPlanner> planner,
                   SweepProbes sweepProbes) {
        this.threshold = threshold;
        this.executors = executors;
        this.planner = planner;
        this.sweepProbes = sweepProbes;
    }

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SWEEP_DIR", description = "A sweep directory (<sweep.output>/<sweep.name>).")
    private Path root;

    @Option(names = "--threshold", paramLabel = "ACCURACY",
            description = "The accuracy the fit must cross (replaces sweep.analysis.threshold; e.g. 0.8 as in figures 1 and 6).")
    private Double thresholdOption;

    @Option(names = "--metric", paramLabel = "NAME",
            description = "The metric to fit, e.g. accuracy.SUM (replaces sweep.analysis.metric).")
    private String metric;

    @Override
    public Integer call() throws IOException {
        SweepDirectory directory = new SweepDirectory(root);
        if (!Files.isDirectory(root)) {
            throw new BadInputException(root + " is not a directory; a sweep directory is made by threshold sweep (docs/SWEEPS.md)");
        }
        SweepIndex index;
        try {
            index = directory.readIndex().orElseThrow(() -> new BadInputException(root + " has no index.json; a sweep "
                    + "directory is made by threshold sweep (docs/SWEEPS.md)"));
        } catch (DamagedFileException e) {
            throw new RunFilesException(e.getMessage() + "; 'threshold sweep SWEEP_FILE --list' writes it again", e);
        }
        if (!Files.exists(directory.sweepFile())) {
            throw new BadInputException(root + " has no sweep.yaml; a sweep directory is made by threshold sweep (docs/SWEEPS.md)");
        }
        SweepWithAnalysis sweepFile = SweepWithAnalysis.read(directory.sweepFile(), executors.get(), Map.of());
        AnalysisSettings settings = sweepFile.analysis();
        if (thresholdOption != null) {
            if (!(thresholdOption > 0 && thresholdOption < 1)) {
                throw SweepCommand.badOption(spec, "--threshold must be an accuracy strictly between 0 and 1, got " + thresholdOption);
            }
            TransitionSettings t = settings.transition().withThreshold(thresholdOption);
            settings = new AnalysisSettings(settings.metric(), t, settings.baseline(), settings.curves(), settings.ratios(),
                    settings.parameters());
        }
        if (metric != null) {
            settings = new AnalysisSettings(Optional.of(metric), settings.transition(), settings.baseline(), settings.curves(),
                    settings.ratios(), settings.parameters());
        }
        repair(directory, index, sweepFile.file().directory().root());
        List<ProbeRunner.Outcome> probes = sweepProbes.run(sweepProbes.bind(directory.sweepFile()), directory, index,
                spec.commandLine().getOut());
        AnalysisResult result;
        try {
            result = new SweepAnalysis(directory, index, settings, report -> ProbeRunner.addTo(report, probes)).run();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        print(spec.commandLine().getOut(), result, directory);
        return ExitCode.OK;
    }

    /**
     * Damaged files, said before the analysis reads the runs: a result.json whose run's final
     * checkpoint can be read is rebuilt here (nothing is trained); the others are named with the
     * command that repairs them, and the analysis goes on without them.
     */
    private void repair(SweepDirectory directory, SweepIndex index, Path namedBySweepFile) {
        List<DamagedRuns.Finding> findings = DamagedRuns.find(directory, index);
        if (findings.isEmpty()) {
            return;
        }
        PrintWriter err = spec.commandLine().getErr();
        IntFunction<String> command = DamagedRuns.pointCommand(directory.root(), directory.sweepFile(), namedBySweepFile);
        for (DamagedRuns.Finding f : findings) {
            boolean result = f.damage().file().equals(directory.run(f.point().identity()).result());
            if (f.fate() == DamagedRuns.Fate.REBUILT && result) {
                err.println("warning: " + DamagedRuns.rebuild(f, directory.run(f.point().identity()), planner.get(), command));
            } else {
                err.println("warning: " + DamagedRuns.forAnalysis(f, command));
            }
        }
        err.flush();
    }

    /** The findings and where the files are. */
    static void print(PrintWriter out, AnalysisResult result, SweepDirectory directory) {
        out.println("transition points (" + result.metric() + "):");
        result.lines().forEach(line -> out.println("  " + line));
        out.println("summary   " + directory.summaryCsv());
        out.println("report    " + directory.report());
        out.flush();
    }
}
