package org.threshold.app.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigException;
import org.threshold.api.config.ConfigNode;
import org.threshold.api.config.ConfigProblem;
import org.threshold.api.probe.ProbeProvider;
import org.threshold.api.sweep.SweepExecutorProvider;
import org.threshold.app.probe.ProbeList;
import org.threshold.app.probe.ProbeRunner;
import org.threshold.app.probe.ProbeTarget;
import org.threshold.app.probe.RecordedRun;
import org.threshold.app.run.RunLog;
import org.threshold.app.run.RunProgress;
import org.threshold.app.run.RunSummary;
import org.threshold.app.runfile.Preflight;
import org.threshold.app.runfile.RunPlanner;
import org.threshold.runs.DamagedFileException;
import org.threshold.runs.run.EvaluationRecord;
import org.threshold.runs.run.Numerics;
import org.threshold.runs.run.RunDirectory;
import org.threshold.runs.run.RunResult;
import org.threshold.runs.sweep.RunLock;
import org.threshold.trainer.AdamLearner;
import org.threshold.trainer.DamagedRunException;
import org.threshold.trainer.NumericsChangedException;
import org.threshold.trainer.RunOutcome;
import org.threshold.trainer.RunPlan;
import org.threshold.trainer.RunStopped;
import org.threshold.trainer.Trainer;
import org.threshold.trainer.TrainingListener;
import org.threshold.trainer.device.DeviceUnavailableException;
import org.threshold.trainer.signal.StopSignals;
import org.threshold.trainer.sweep.ParentWatch;
import org.threshold.trainer.sweep.SweepFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code threshold run CONFIG}: trains one run into its run directory (docs/RUNS.md). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Trains, evaluates and records one run.",
                "The run directory is <runtime.output>/<identity>: the resolved config, metrics.jsonl (one line per "
                        + "evaluation), checkpoints, provenance.json and, at the end, result.json (docs/RUNS.md). Started "
                        + "again, a run continues from its last checkpoint; a run that has ended is not trained again.",
                "With --index I, CONFIG is a sweep file and the run is its grid point I, trained into the sweep's "
                        + "runs/ directory exactly as 'threshold sweep' would (a cluster array job runs one point per task). "
                        + "A point that has ended exits at once; one that another process is training exits 0 and leaves "
                        + "it alone. With --index I,J,... the points train as one stack (SPEC section 10): one process, "
                        + "one pass per step for all of them, each into its own run directory; a point that started in a "
                        + "stack resumes in it, and the message for one run otherwise names the command that does.",
                "The run's probes: (docs/PROBES.md) run at the end and write into <run directory>/probes/.",
                "Before it starts, the run is checked as 'threshold validate' checks it (a GPU for device: gpu, memory, "
                        + "runtime.output; docs/CONFIG.md): a problem found there is reported at its key, exit code 2.",
                "Exit code 1 also when the training loss diverged (NaN or infinite): the message says what to change.",
                "SIGTERM, SIGINT (Ctrl-C) and SIGUSR2 (Slurm's warning before a preemption or the time limit) stop the run "
                        + "at the end of its step with a checkpoint there, from which the same command resumes it; the exit code "
                        + "is then 128 + the signal's number. Under the slurm executor, SIGUSR2 also requeues the point's task."})
final class RunCommand implements Callable<Integer> {

    /** What the run directory's {@code command} file says: run there, it trains a fresh copy of the run. */
    static final String REPRODUCE = "threshold run config.yaml";

    private final ThresholdCommand threshold;
    private final Provider<RunPlanner> planner;
    private final Provider<Map<String, SweepExecutorProvider<?>>> executors;
    private final Provider<Map<String, ProbeProvider<?>>> probeProviders;
    private final Preflight preflight;

    /** Made by Guice ({@link CommandFactory}); providers, since plugins are discovered once the options are parsed. */
    @Inject
    RunCommand(ThresholdCommand threshold,
               Provider<RunPlanner> planner,
               Provider<Map<String, SweepExecutorProvider<?>>> executors,
               Provider<Map<String, ProbeProvider<?>>> probeProviders,
               Preflight preflight) {
        this.threshold = threshold;
        this.planner = planner;
        this.executors = executors;
        this.probeProviders = probeProviders;
        this.preflight = preflight;
    }

    /**
     * A run file or grid point bound, with what its checks need: its tree (for positions), the key
     * that names its output and the tree that holds that key (a sweep file's, for a point), and how
     * its problems are named (a point's by the point).
     */
    private record Planned(RunPlan plan, ConfigNode tree, String outputKey, ConfigNode outputTree,
                           UnaryOperator<ConfigProblem> naming) {

        ConfigException problems(List<ConfigProblem> problems) {
            return new ConfigException(problems.stream().map(naming).toList());
        }
    }

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "CONFIG", description = "The run file (YAML), see docs/CONFIG.md.")
    private Path config;

    @Option(names = "--index", paramLabel = "I[,J...]", split = ",",
            description = "CONFIG is a sweep file: train its grid point I (0-based; 'threshold sweep CONFIG --list' "
                    + "lists them); several points, I,J,..., train as one stack: one model with a leading dimension, "
                    + "one pass per step for all (SPEC section 10; points of one model shape).")
    private List<Integer> index;

    /** The sweep file of --index. */
    private Optional<SweepFile> sweep = Optional.empty();
    @Option(names = "--retrain",
            description = "Train the run again from step 0. What its directory holds (result, metrics, checkpoints, "
                    + "provenance, probes) is moved into <run directory>/replaced-<time>/ first, nothing is deleted: "
                    + "for a run whose checkpoints are all damaged, which is not trained again unasked.")
    private boolean retrain;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        threshold.warnAboutPluginProblems(err);
        RunPlanner planner = this.planner.get();
        if (index != null) {
            index = reformed(planner, List.copyOf(index), out);
        }
        if (index != null && index.size() > 1) {
            return stack(planner, out, err);
        }
        Planned planned = index == null ? plan(planner) : point(planner, index.get(0));
        RunPlan plan = planned.plan();
        // validate's checks, but for the GPU: asking the engine would load it before the run fixes
        // its thread count, so the trainer finds a missing GPU when it loads the engine (below)
        List<ConfigProblem> problems = new ArrayList<>(preflight.memory(plan, planned.tree()));
        preflight.output(Path.of(plan.runtime().output()), planned.outputTree(), planned.outputKey()).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw planned.problems(problems);
        }
        Path directory = Path.of(plan.runtime().output()).resolve(plan.identity());
        out.println("run " + plan.identity() + ": " + plan.task().describe() + "; " + plan.model().summary());
        out.println("run directory: " + directory);
        out.flush();
        // One process trains a run at a time: a sweep and a cluster job, or two shells, may both reach it.
        Optional<RunLock> lock = RunLock.tryAcquire(directory);
        if (lock.isEmpty()) {
            out.println("Another process is training this run (" + RunLock.holder(directory).orElse("holder unknown")
                    + "); nothing done here. Run the command again once it has stopped.");
            return ExitCode.OK;
        }
        try (RunLock held = lock.get()) {
            if (index != null) {
                // a point started by 'threshold sweep' stops with the sweep, so a killed sweep leaves no orphans
                ParentWatch.start(System.getenv());
            }
            if (retrain) {
                Path kept = new RunDirectory(directory).setAsideForRetraining();
                out.println("training the run again from step 0; what it had is in " + kept);
            }
            try {
                return train(plan, out, err);
            } catch (DeviceUnavailableException e) {
                // found when the engine loaded, before anything of the run was written
                throw planned.problems(List.of(Preflight.missingGpu(planned.tree(), e.reason())));
            }
        }
    }

    /** The command that trains this run again from step 0, as the user would type it. */
    private String retrainCommand() {
        return "threshold " + threshold.pluginsOption().map(d -> "--plugins " + d + " ").orElse("") + "run " + config
                + (index == null ? "" : " --index " + indices(index)) + " --retrain";
    }

    private static String indices(List<Integer> points) {
        return String.join(",", points.stream().map(String::valueOf).toList());
    }

    /** The command that trains {@code points} of this sweep file as one stack. */
    private String stackCommand(List<Integer> points) {
        return "threshold " + threshold.pluginsOption().map(d -> "--plugins " + d + " ").orElse("") + "run " + config
                + " --index " + indices(points);
    }

    /**
     * A run that started in a stack resumes in that stack, not alone or in another: the message
     * says which command re-forms it.
     */
    private BadInputException numericsChanged(NumericsChangedException e) {
        Optional<Numerics.Stack> was = e.recorded().stack();
        if (was.isPresent() && (index == null || !was.get().members().equals(index))) {
            return new BadInputException(e.getMessage() + "; it trained in the stack of points " + was.get().indices()
                    + ", which resumes with " + stackCommand(was.get().members()));
        }
        return new BadInputException(e.getMessage());
    }

    /**
     * The points to train for {@code --index}: as asked, or the whole recorded stack (SPEC section
     * 10) that the asked points started in when they are part of it and every other member has
     * ended (a finished result): such a stack is re-formed, its ended members leaving it at once.
     * Otherwise as asked, and a point that started in another stack is refused at resume, with the
     * command that re-forms its stack.
     */
    private List<Integer> reformed(RunPlanner planner, List<Integer> asked, PrintWriter out) {
        for (int point : asked) {
            Optional<Numerics.Stack> was = recordedStack(point(planner, point).plan());
            if (was.isEmpty() || was.get().members().equals(asked) || !was.get().members().containsAll(asked)) {
                continue;
            }
            List<Integer> others = was.get().members().stream().filter(m -> !asked.contains(m)).toList();
            boolean ended = others.stream().allMatch(m -> finished(point(planner, m).plan()));
            if (ended) {
                out.println("point " + point + " trained in the stack of points " + was.get().indices() + ", whose other "
                        + (others.size() == 1 ? "member " + others.get(0) + " has" : "members " + indices(others) + " have")
                        + " ended: that stack is re-formed (" + stackCommand(was.get().members()) + ")");
                return was.get().members();
            }
            return asked;
        }
        return asked;
    }

    private static Optional<Numerics.Stack> recordedStack(RunPlan plan) {
        RunDirectory run = new RunDirectory(Path.of(plan.runtime().output()).resolve(plan.identity()));
        try {
            return run.readProvenance().flatMap(p -> p.numerics()).flatMap(Numerics::stack);
        } catch (RuntimeException unreadable) {
            return Optional.empty(); // the trainer reads it again and says what is wrong with it
        }
    }

    private static boolean finished(RunPlan plan) {
        RunDirectory run = new RunDirectory(Path.of(plan.runtime().output()).resolve(plan.identity()));
        try {
            return run.readResult().map(RunResult::finished).orElse(false);
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /**
     * {@code --index I,J,...}: the points trained as one stack (SPEC section 10), each into its
     * own run directory, each with its own log lines (prefixed by the point), summary and probes.
     */
    private int stack(RunPlanner planner, PrintWriter out, PrintWriter err) {
        List<Integer> points = List.copyOf(index);
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i) <= points.get(i - 1)) {
                throw new BadInputException("--index " + indices(points) + ": a stack's points are distinct and in ascending "
                        + "order, e.g. --index " + indices(points.stream().distinct().sorted().toList()));
            }
        }
        List<Planned> planned = new ArrayList<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (int point : points) {
            Planned p = point(planner, point);
            planned.add(p);
            List<ConfigProblem> own = new ArrayList<>(preflight.memory(p.plan(), p.tree()));
            preflight.output(Path.of(p.plan().runtime().output()), p.outputTree(), p.outputKey()).ifPresent(own::add);
            own.stream().map(p.naming()).forEach(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        List<RunPlan> plans = planned.stream().map(Planned::plan).toList();
        Optional<String> why = Trainer.stackingProblem(plans);
        if (why.isPresent()) {
            throw new BadInputException("--index " + indices(points) + ": these points cannot train as one stack: " + why.get()
                    + "; train them one by one (--index I)");
        }
        out.println("stack of points " + indices(points) + ": one " + plans.get(0).model().summary() + " per point, trained "
                + "in one pass per step");
        List<Path> directories = new ArrayList<>();
        for (int k = 0; k < points.size(); k++) {
            Path directory = Path.of(plans.get(k).runtime().output()).resolve(plans.get(k).identity());
            directories.add(directory);
            out.println("point " + points.get(k) + ": run " + plans.get(k).identity() + ": " + plans.get(k).task().describe()
                    + "; run directory " + directory);
        }
        out.flush();
        List<RunLock> locks = new ArrayList<>();
        try {
            for (int k = 0; k < points.size(); k++) {
                Optional<RunLock> lock = RunLock.tryAcquire(directories.get(k));
                if (lock.isEmpty()) {
                    out.println("Another process is training point " + points.get(k) + "'s run ("
                            + RunLock.holder(directories.get(k)).orElse("holder unknown") + "); nothing done here. Run the "
                            + "command again once it has stopped.");
                    return ExitCode.OK;
                }
                locks.add(lock.get());
            }
            // the points of a stack started by 'threshold sweep' stop with the sweep
            ParentWatch.start(System.getenv());
            if (retrain) {
                for (Path directory : directories) {
                    Path kept = new RunDirectory(directory).setAsideForRetraining();
                    out.println("training " + directory.getFileName() + " again from step 0; what it had is in " + kept);
                }
            }
            try {
                return trainStack(points, plans, out, err);
            } catch (DeviceUnavailableException e) {
                throw planned.get(0).problems(List.of(Preflight.missingGpu(planned.get(0).tree(), e.reason())));
            }
        } finally {
            locks.forEach(RunLock::close);
        }
    }

    private int trainStack(List<Integer> points, List<RunPlan> plans, PrintWriter out, PrintWriter err) {
        List<TrainingListener> listeners = new ArrayList<>();
        for (int k = 0; k < points.size(); k++) {
            listeners.add(warningsTo(err, new RunLog(LinePrefix.of(out, "point " + points.get(k) + ": "), plans.get(k).metric())));
        }
        Trainer.StackOutcome stacked;
        try {
            stacked = new Trainer(AdamLearner::new).runStack(plans, new Numerics.Stack(points.size(), points), listeners,
                    Collections.nCopies(points.size(), REPRODUCE), StopSignals.install());
        } catch (NumericsChangedException e) {
            throw numericsChanged(e);
        }
        int exit = ExitCode.OK;
        Optional<RunStopped> stoppedBy = Optional.empty();
        for (int k = 0; k < points.size(); k++) {
            Trainer.StackMember member = stacked.members().get(k);
            String who = "point " + points.get(k);
            if (member.failure().isPresent()) {
                Throwable failure = member.failure().get();
                if (failure instanceof RunStopped stopped) {
                    stoppedBy = Optional.of(stopped);
                    continue;
                }
                err.println("threshold: " + who + ": " + failure.getMessage()
                        + (failure instanceof DamagedRunException || failure instanceof DamagedFileException
                        ? "; it is not trained again unasked: " + retrainCommand() + " trains the stack from step 0, keeping "
                                + "what the run directories hold" : ""));
                exit = Math.max(exit, ExitCode.INTERNAL_FAILURE);
                continue;
            }
            RunOutcome outcome = member.outcome().orElseThrow();
            out.print(LinePrefix.lines(who + ": ", RunSummary.of(outcome)));
            if (!outcome.result().finished()) {
                err.println("threshold: " + who + ": the run failed: " + outcome.result().message());
                exit = Math.max(exit, ExitCode.INTERNAL_FAILURE);
                continue;
            }
            exit = Math.max(exit, probes(outcome, out, err));
        }
        out.println("stack of points " + indices(points) + ": " + stacked.passes() + " stacked passes this session");
        out.flush();
        if (stoppedBy.isPresent()) {
            return stopped(stoppedBy.get(), err);
        }
        return exit;
    }

    private Planned plan(RunPlanner planner) {
        ConfigDocument document = ConfigDocument.read(config);
        if (document.tree() instanceof ConfigNode.Mapping root && root.get("sweep").isPresent()) {
            throw new ConfigException(new ConfigProblem(root.markOf("sweep"), "sweep", "this file has a sweep: section; train "
                    + "all its grid points with 'threshold sweep " + config + "', or one of them with 'threshold run " + config
                    + " --index I'"));
        }
        return new Planned(planner.plan(document), document.tree(), "runtime.output", document.tree(), p -> p);
    }

    /**
     * A run that stopped on a signal has its checkpoint; a grid point's executor is told, so that a
     * scheduler's can requeue the point (Slurm's USR2 before a preemption or the time limit).
     */
    private int stopped(RunStopped stopped, PrintWriter err) {
        err.println("threshold: " + stopped.getMessage());
        sweep.flatMap(s -> s.spec().executor().create().stoppedBySignal(stopped.reason().signal(), System.getenv()))
                .ifPresent(line -> err.println("threshold: " + line));
        err.flush();
        return stopped.exitCode();
    }

    private Planned point(RunPlanner planner, int point) {
        SweepFile sweep = SweepWithAnalysis.read(config, executors.get(), Map.of()).file();
        this.sweep = Optional.of(sweep);
        long size = sweep.grid().size();
        if (point < 0 || point >= size) {
            throw new BadInputException("--index " + point + ": " + config + " has " + size + " grid points, numbered 0 to "
                    + (size - 1));
        }
        // a point's runs live in the sweep's directory, which sweep.output names
        return new Planned(SweepPoints.plan(sweep, point, planner), sweep.point(point).tree(), "sweep.output",
                ConfigDocument.read(config).tree(), p -> SweepPoints.named(sweep.grid().point(point), p));
    }

    private int train(RunPlan plan, PrintWriter out, PrintWriter err) {
        // a progress bar where someone watches; plain lines, one per evaluation, in logs
        TrainingListener listener = warningsTo(err, System.console() != null
                ? new RunProgress(System.err, plan.metric())
                : new RunLog(out, plan.metric()));
        RunOutcome outcome;
        try {
            // SIGTERM, SIGINT and a scheduler's SIGUSR2 stop the run at the end of its step, with a checkpoint there
            outcome = new Trainer(AdamLearner::new).run(plan, listener, REPRODUCE, StopSignals.install());
        } catch (NumericsChangedException e) {
            throw numericsChanged(e);
        } catch (RunStopped stopped) {
            return stopped(stopped, err);
        } catch (DamagedRunException e) {
            throw new RunFilesException(e.getMessage() + "; it is not trained again unasked: " + retrainCommand()
                    + " trains it from step 0, keeping what the run directory holds", e);
        } catch (DamagedFileException e) {
            throw new RunFilesException("run " + plan.identity() + ": " + e.getMessage() + "; repair or remove the file, or train "
                    + "the run again from step 0 with " + retrainCommand(), e);
        }
        out.print(RunSummary.of(outcome));
        if (!outcome.trainedNow()) {
            out.println("The run had ended before; its result is " + outcome.directory().result());
        }
        if (!outcome.result().finished()) {
            err.println("threshold: the run failed: " + outcome.result().message());
            return ExitCode.INTERNAL_FAILURE;
        }
        return probes(outcome, out, err);
    }

    /** {@code listener}, and every warning of the run on stderr: a damaged file set aside, a checkpoint passed over. */
    private static TrainingListener warningsTo(PrintWriter err, TrainingListener listener) {
        return new TrainingListener() {
            @Override
            public void started(RunDirectory directory, long fromStep, long plannedSteps) {
                listener.started(directory, fromStep, plannedSteps);
            }

            @Override
            public void stepped(long step, double loss) {
                listener.stepped(step, loss);
            }

            @Override
            public void evaluated(EvaluationRecord record) {
                listener.evaluated(record);
            }

            @Override
            public void noticed(String warning) {
                err.println("warning: " + warning);
                err.flush();
                listener.noticed(warning);
            }

            @Override
            public void ended(RunResult result) {
                listener.ended(result);
            }
        };
    }

    /**
     * The run's probes (its resolved config's probes:, docs/PROBES.md) on the finished run: after
     * training, and on a run that had ended before when a probe's directory is missing.
     */
    private int probes(RunOutcome outcome, PrintWriter out, PrintWriter err) {
        Path configFile = outcome.directory().config();
        List<ProbeList.Chosen> probes = ProbeList.bind(ProbeTarget.probesOf(ConfigDocument.read(configFile).tree(), false),
                configFile.toString(), probeProviders.get());
        Path root = outcome.directory().path();
        List<ProbeList.Chosen> due = probes.stream()
                .filter(p -> outcome.trainedNow() || !Files.isDirectory(outcome.directory().probes().resolve(p.directoryName()))).toList();
        if (due.isEmpty()) {
            return ExitCode.OK;
        }
        RecordedRun run = new RecordedRun(outcome.directory(), Map.of(), planner.get());
        List<ProbeRunner.Outcome> outcomes;
        try {
            outcomes = ProbeRunner.run(due, List.of(run), name -> outcome.directory().probes().resolve(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write the probes of " + root, e);
        }
        ProbeRunner.print(out, outcomes);
        long failed = outcomes.stream().filter(o -> !o.ok()).count();
        if (failed > 0) {
            err.println("threshold: " + failed + " of " + outcomes.size() + " probes could not run on the run (see above); "
                    + "the run itself is finished");
            return ExitCode.BAD_INPUT;
        }
        return ExitCode.OK;
    }
}
