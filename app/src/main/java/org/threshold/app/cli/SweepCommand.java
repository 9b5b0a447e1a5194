package org.threshold.app.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.threshold.analysis.sweep.AnalysisResult;
import org.threshold.analysis.sweep.SweepAnalysis;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigException;
import org.threshold.api.config.ConfigNode;
import org.threshold.api.config.ConfigProblem;
import org.threshold.api.sweep.PointOutcome;
import org.threshold.api.sweep.PointState;
import org.threshold.api.sweep.SweepExecutor;
import org.threshold.api.sweep.SweepExecutorProvider;
import org.threshold.api.sweep.SweepJob;
import org.threshold.api.sweep.SweepOutcome;
import org.threshold.app.probe.ProbeList;
import org.threshold.app.probe.ProbeRunner;
import org.threshold.app.runfile.Preflight;
import org.threshold.app.runfile.RunPlanner;
import org.threshold.runs.sweep.IndexEntry;
import org.threshold.runs.sweep.SweepDirectory;
import org.threshold.runs.sweep.SweepIndex;
import org.threshold.trainer.sweep.SweepFile;
import org.threshold.trainer.sweep.SweepProgress;
import org.threshold.trainer.sweep.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code threshold sweep SWEEP_FILE}: every grid point trained, then the analysis. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Trains every grid point of a sweep file, then analyzes the sweep.",
                "Binds every grid point first (all problems at once), writes the sweep directory "
                        + "(<sweep.output>/<sweep.name>/: sweep.yaml, index.json, runs/), runs the points with the sweep's "
                        + "executor (default: local, each point its own JVM) and ends with 'threshold analyze'. "
                        + "Finished runs are skipped and unfinished ones resume, so a stopped sweep is continued by running "
                        + "it again. A failed point is recorded (runs/<id>/failure.json) and the others go on; the exit code "
                        + "is then 1. With executor: {type: slurm} the points are Slurm job arrays: the command submits "
                        + "them and follows them (Ctrl-C or --detach leaves them running; running it again re-attaches). "
                        + "See docs/SWEEPS.md."})
final class SweepCommand implements Callable<Integer> {

    private final ThresholdCommand threshold;
    private final Provider<RunPlanner> planner;
    private final Provider<Map<String, SweepExecutorProvider<?>>> executors;
    private final SweepProbes sweepProbes;
    private final Preflight preflight;

    /** Made by Guice ({@link CommandFactory}); providers, since plugins are discovered once the options are parsed. */
    @Inject
    SweepCommand(ThresholdCommand threshold,
                 Provider<RunPlanner> planner,
                 Provider<Map<String, SweepExecutorProvider<?>>> executors,
                 SweepProbes sweepProbes,
                 Preflight preflight) {
        this.threshold = threshold;
        this.planner = planner;
        this.executors = executors;
        this.sweepProbes = sweepProbes;
        this.preflight = preflight;
    }

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "SWEEP_FILE", description = "A run file with a sweep: section (docs/SWEEPS.md).")
    private Path file;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Grid points at once (replaces sweep.executor.parallel; local: default auto, one per core; slurm: the "
                    + "arrays' throttle).")
    private String parallel;

    @Option(names = "--threads", paramLabel = "T",
            description = "libtorch threads per point (replaces sweep.executor.threads; local: default auto; slurm: default "
                    + "cpus_per_task).")
    private String threads;

    @Option(names = "--list", description = "Print the grid points with their run identities and stop.")
    private boolean list;

    @Option(names = "--detach", description = "Return once the points are submitted, for an executor whose points run "
            + "elsewhere (slurm); running the command again follows them, submitting nothing twice.")
    private boolean detach;

    @Option(names = "--dry-run", description = "Print what the executor would do (slurm: the job script and the arrays) "
            + "and start nothing.")
    private boolean dryRun;

    @Override
    public Integer call() throws InterruptedException, java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        threshold.warnAboutPluginProblems(spec.commandLine().getErr());
        Map<String, String> settings = new LinkedHashMap<>();
        Optional.ofNullable(parallel).ifPresent(p -> settings.put("parallel", p));
        Optional.ofNullable(threads).ifPresent(t -> settings.put("threads", t));
        SweepWithAnalysis read = SweepWithAnalysis.read(file, executors.get(), settings);
        SweepFile sweep = read.file();
        List<ProbeList.Chosen> probes = sweepProbes.bind(file);
        // The machine's checks hold where the points train: here with the local executor; elsewhere
        // (a cluster) each point's 'threshold run SWEEP --index I' makes them on its node.
        boolean trainsHere = sweep.spec().executor().type().equals(SweepSpec.DEFAULT_EXECUTOR);
        SweepIndex index = SweepPoints.index(sweep, planner.get(), (plan, tree) -> {
            if (!trainsHere) {
                return List.of();
            }
            List<ConfigProblem> problems = new ArrayList<>(preflight.device(plan, tree));
            problems.addAll(preflight.memory(plan, tree));
            return problems;
        });
        // positions from the file as written: a point's tree holds no sweep section
        ConfigNode written = ConfigDocument.read(file).tree();
        SweepAnalysis.baselineProblem(read.analysis(), index.mixtures()).ifPresent(p -> {
            String key = p.startsWith("sweep.analysis.ratios") ? "sweep.analysis.ratios" : "sweep.analysis.baseline";
            throw new ConfigException(new ConfigProblem(written.markOf(key), "", p));
        });
        SweepDirectory directory = sweep.directory();
        preflight.output(directory.root(), written, "sweep.output").ifPresent(p -> {
            throw new ConfigException(p);
        });
        directory.write(sweep.text(), index);
        out.println("sweep " + index.name() + ": " + index.points().size() + " grid points, mixtures "
                + String.join(", ", index.mixtures()) + "; directory " + directory.root());
        if (list) {
            for (IndexEntry point : index.points()) {
                out.println("  " + point.describe() + ", " + String.format("%,d", point.parameters()) + " parameters");
            }
            return ExitCode.OK;
        }
        PointJvmCommand pointCommand = new PointJvmCommand(file, threshold.pluginsOption());
        SweepExecutor executor = sweep.spec().executor().create();
        SweepJob job = new SweepJob(index.name(), directory.root(), index.sweepPoints(), pointCommand);
        if (dryRun) {
            out.print(executor.dryRun(job).orElseGet(() -> commands(job)));
            out.println("--dry-run: nothing started");
            return ExitCode.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        // said here, not only in a point's log: the researcher watches this command
        for (DamagedRuns.Finding damaged : DamagedRuns.find(directory, index)) {
            err.println("warning: " + DamagedRuns.beforeRunning(damaged, pointCommand::display));
        }
        err.flush();
        SweepProgress progress = new SweepProgress(out, System.console() != null);
        SweepOutcome outcome;
        try {
            if (detach) {
                if (!executor.detach(job, progress)) {
                    throw new BadInputException("--detach: the " + sweep.spec().executor().type() + " executor runs the points as "
                            + "this command's own processes, which stop with it; --detach needs an executor whose points run "
                            + "elsewhere (sweep.executor.type: slurm)");
                }
                out.println("threshold sweep " + file + " follows the points again; threshold analyze " + directory.root()
                        + " analyzes what has finished");
                return ExitCode.OK;
            }
            outcome = executor.execute(job, progress);
        } finally {
            progress.close();
        }
        if (outcome.count(PointState.FINISHED) + outcome.count(PointState.SKIPPED) > 0) {
            List<ProbeRunner.Outcome> probed = sweepProbes.run(probes, directory, index, out);
            AnalysisResult result = new SweepAnalysis(directory, index, read.analysis(),
                    report -> ProbeRunner.addTo(report, probed)).run();
            AnalyzeCommand.print(out, result, directory);
        }
        if (!outcome.complete()) {
            for (PointOutcome failed : outcome.points()) {
                if (failed.state() == PointState.FAILED) {
                    err.println("failed: " + failed.point().describe() + ": " + failed.message());
                }
            }
            err.println("threshold: " + outcome.count(PointState.FAILED) + " of " + outcome.points().size() + " grid points failed; "
                    + "run the sweep again to retry them (finished runs are kept)");
            return ExitCode.INTERNAL_FAILURE;
        }
        return ExitCode.OK;
    }


    /** --dry-run for an executor with nothing more to show: each point's command. */
    private static String commands(SweepJob job) {
        StringBuilder text = new StringBuilder();
        for (var point : job.points()) {
            text.append(job.command().display(point.index())).append('\n');
        }
        return text.toString();
    }

    /** picocli's usage error for a value it cannot take. */
    static CommandLine.ParameterException badOption(CommandSpec spec, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
