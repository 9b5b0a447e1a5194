package org.threshold.trainer;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.api.model.Stacking;
import org.threshold.runs.DamagedFileException;
import org.threshold.runs.run.Numerics;
import org.threshold.runs.run.Provenance;
import org.threshold.runs.run.RunDirectory;
import org.threshold.runs.run.RunResult;
import org.threshold.runs.run.SourceCommit;
import org.threshold.trainer.device.DeviceChoice;
import org.threshold.trainer.device.EngineThreads;
import org.threshold.trainer.step.StackedStep;

/**
 * Trains one run end to end: finds its directory ({@code runtime.output/<identity>}), leaves a
 * finished run alone, otherwise sets up the engine (threads, device), creates the learner and
 * runs the {@link TrainingLoop}, which resumes from a checkpoint when there is one.
 */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final LearnerFactory learners;

    public Trainer(LearnerFactory learners) {
        this.learners = learners;
    }

    /**
     * @param plan the run
     * @param listener sees progress (the CLI's progress bar)
     * @param command the command that reproduces the run, kept in the run directory's {@code command} file
     */
    public RunOutcome run(RunPlan plan, TrainingListener listener, String command) {
        return run(plan, listener, command, new StopRequest());
    }

    /**
     * As {@link #run(RunPlan, TrainingListener, String)}, stopping at the end of a step when
     * {@code stop} is requested (SIGTERM, SIGINT, a scheduler's SIGUSR2).
     *
     * @throws RunStopped when the run stopped on request, with a checkpoint of the step it reached
     */
    public RunOutcome run(RunPlan plan, TrainingListener listener, String command, StopRequest stop) {
        return run(plan, listener, command, stop, false);
    }

    /**
     * Writes a finished run's result.json again, from its final checkpoint and metrics.jsonl,
     * without training a step (what {@code threshold analyze} does for a damaged result.json).
     *
     * @throws IllegalStateException when the run's newest readable checkpoint is not its final one:
     *     only training can then rebuild the result, and nothing is changed
     */
    public RunOutcome rebuild(RunPlan plan, String command) {
        return run(plan, TrainingListener.NONE, command, new StopRequest(), true);
    }

    private RunOutcome run(RunPlan plan, TrainingListener listener, String command, StopRequest stop, boolean rebuildOnly) {
        RunDirectory directory = RunDirectory.under(Path.of(plan.runtime().output()), plan.identity());
        Optional<RunResult> done = readResult(directory, listener);
        if (done.isPresent()) {
            return new RunOutcome(directory, done.get(), false, OptionalLong.empty());
        }
        // A resumed run computes with the numerics it started with, whatever runtime.threads or the
        // executor's layout asks now: the thread count changes how sums are split, so its numbers.
        Optional<Numerics> recorded = readProvenance(directory, listener).flatMap(Provenance::numerics);
        Numerics numerics = numerics(plan, recorded, Optional.empty());
        Engine engine = Engine.getInstance();
        EngineThreads.loaded();
        Device device = DeviceChoice.select(plan.runtime().device(), engine);
        try (NDManager manager = engine.newBaseManager(device); Learner learner = learners.create(plan, manager)) {
            return new TrainingLoop(plan, directory, learner, listener, command, provenance(engine, device, numerics), stop,
                    rebuildOnly).run();
        }
    }

    /**
     * Trains {@code plans} as one stack (SPEC section 10): one model with a leading dimension K,
     * one forward and backward pass per step for all of them, each run in its own thread with its
     * own training loop, data, schedule, optimizer, evaluation, stopping and run directory. A run
     * that ends leaves the stack and is finalized; the others go on. Runs that had ended before are
     * left as they are; the rest resume, each from its own checkpoint, with the numerics the stack
     * started with ({@code numerics.stack} in provenance.json).
     *
     * @param plans the members, in {@code stack}'s order
     * @param stack the stack's record: its size and the members' grid indices
     * @param listeners one per member
     * @param commands one per member: the command that reproduces it
     * @return one outcome per member, in order (a member that failed or stopped on request has its
     *     exception), and the stacked passes this session ran
     * @throws IllegalArgumentException when the plans cannot share a stack ({@link #stackingProblem})
     */
    public StackOutcome runStack(List<RunPlan> plans, Numerics.Stack stack, List<TrainingListener> listeners,
                                      List<String> commands, StopRequest stop) {
        if (plans.size() != stack.size() || listeners.size() != stack.size() || commands.size() != stack.size()) {
            throw new IllegalArgumentException("a stack of " + stack.size() + " needs as many plans, listeners and commands, got "
                    + plans.size() + ", " + listeners.size() + " and " + commands.size());
        }
        Optional<String> problem = stackingProblem(plans);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("points " + stack.indices() + " cannot train as one stack: " + problem.get());
        }
        StackMember[] members = new StackMember[plans.size()];
        List<Integer> training = new ArrayList<>();
        List<RunDirectory> directories = new ArrayList<>();
        Optional<Numerics> recorded = Optional.empty();
        List<Optional<Numerics>> started = new ArrayList<>();
        for (int k = 0; k < plans.size(); k++) {
            RunDirectory directory = RunDirectory.under(Path.of(plans.get(k).runtime().output()), plans.get(k).identity());
            directories.add(directory);
            Optional<RunResult> done = readResult(directory, listeners.get(k));
            if (done.isPresent()) {
                members[k] = StackMember.of(new RunOutcome(directory, done.get(), false, OptionalLong.empty()));
                continue;
            }
            training.add(k);
            Optional<Numerics> own = readProvenance(directory, listeners.get(k)).flatMap(Provenance::numerics);
            started.add(own);
            if (recorded.isEmpty()) {
                recorded = own;
            }
        }
        if (training.isEmpty()) {
            return new StackOutcome(List.of(members), 0);
        }
        Numerics numerics = numerics(plans.get(training.get(0)), recorded, Optional.of(stack));
        for (int i = 0; i < training.size(); i++) {
            Optional<Numerics> own = started.get(i);
            if (own.isPresent() && !own.get().equals(numerics)) {
                throw new NumericsChangedException(plans.get(training.get(i)).identity(), own.get(), numerics);
            }
        }
        Engine engine = Engine.getInstance();
        EngineThreads.loaded();
        Device device = DeviceChoice.select(plans.get(training.get(0)).runtime().device(), engine);
        Provenance provenance = provenance(engine, device, numerics);
        Stacking stacking = plans.get(training.get(0)).model().stacking().orElseThrow();
        long passes;
        try (NDManager manager = engine.newBaseManager(device)) {
            StackedStep step = new StackedStep(stacking, plans.size(), manager);
            for (int k = 0; k < plans.size(); k++) {
                if (!training.contains(k)) {
                    step.leave(k); // it had ended before: the others do not wait for it
                }
            }
            // every member joins before any trains: the stack's first pass waits for all of them
            List<AdamLearner> learners = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            try {
                for (int k : training) {
                    learners.add(new AdamLearner(plans.get(k), manager.newSubManager(), step, k));
                }
            } catch (RuntimeException e) {
                learners.forEach(AdamLearner::close);
                throw e;
            }
            for (int i = 0; i < training.size(); i++) {
                int k = training.get(i);
                AdamLearner learner = learners.get(i);
                Thread thread = new Thread(() -> {
                    try (learner) {
                        members[k] = StackMember.of(new TrainingLoop(plans.get(k), directories.get(k), learner, listeners.get(k),
                                commands.get(k), provenance, stop, false).run());
                    } catch (RuntimeException | Error e) {
                        members[k] = new StackMember(Optional.empty(), Optional.of(e));
                    }
                }, "stack-" + stack.members().get(k));
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            passes = step.passes();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the stack " + stack.indices() + " trained", e);
        }
        return new StackOutcome(List.of(members), passes);
    }

    /**
     * What {@link #runStack} gives back.
     *
     * @param members one per member, in the stack's order
     * @param passes the stacked forward and backward passes this session ran: one per step of the
     *     member that trained longest, whatever K is
     */
    public record StackOutcome(List<StackMember> members, long passes) {
    }

    /**
     * One member's end: its outcome, or what ended it otherwise ({@link RunStopped} on a stop
     * request, a failure).
     */
    public record StackMember(Optional<RunOutcome> outcome, Optional<Throwable> failure) {

        static StackMember of(RunOutcome outcome) {
            return new StackMember(Optional.of(outcome), Optional.empty());
        }
    }

    /**
     * Why {@code plans} cannot train as one stack (SPEC section 10: the same model shape and
     * options, vocabulary, context, batch size and loss mode); empty when they can.
     */
    public static Optional<String> stackingProblem(List<RunPlan> plans) {
        RunPlan first = plans.get(0);
        Optional<Stacking> stacking = first.model().stacking();
        if (stacking.isEmpty()) {
            return Optional.of("the model " + first.model().summary() + " does not stack");
        }
        for (RunPlan other : plans) {
            Optional<String> why = stacking.get().incompatibility(other.model());
            if (why.isPresent()) {
                return why;
            }
            if (!other.task().vocabulary().tokens().equals(first.task().vocabulary().tokens())) {
                return Optional.of("the vocabularies differ (" + first.name() + ", " + other.name() + ")");
            }
            if (other.task().contextLength() != first.task().contextLength()) {
                return Optional.of("the contexts differ (" + first.task().contextLength() + " and " + other.task().contextLength()
                        + ")");
            }
            if (other.training().batch() != first.training().batch()) {
                return Optional.of("the batch sizes differ (" + first.training().batch() + " and " + other.training().batch() + ")");
            }
            if (!other.training().loss().equals(first.training().loss())) {
                return Optional.of("the loss modes differ (" + first.training().loss() + " and " + other.training().loss() + ")");
            }
        }
        return Optional.empty();
    }

    /** The numerics the run computes with: those it started with when it did, pinned now, else this process's. */
    private static Numerics numerics(RunPlan plan, Optional<Numerics> recorded, Optional<Numerics.Stack> stack) {
        int threads = recorded.isPresent() ? EngineThreads.pin(recorded.get().threads())
                : EngineThreads.request(EngineThreads.resolve(plan.runtime().threads()));
        Numerics numerics = Numerics.of(threads, System.getenv()).in(stack);
        if (recorded.isPresent() && !recorded.get().equals(numerics)) {
            throw new NumericsChangedException(plan.identity(), recorded.get(), numerics);
        }
        return numerics;
    }

    private static Provenance provenance(Engine engine, Device device, Numerics numerics) {
        return new Provenance(version(), System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                Engine.getDjlVersion(), engine.getEngineName() + " " + engine.getVersion(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                device.toString(), numerics.threads(), SourceCommit.find(), Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                Optional.empty(), List.of(), Optional.of(numerics));
    }

    /**
     * result.json, when the run has ended. A damaged one (empty, cut short, a field missing) is set
     * aside and said so: the run then resumes from its newest checkpoint, which for a finished run
     * is its final one, and writes result.json again from it and metrics.jsonl without training.
     */
    private static Optional<RunResult> readResult(RunDirectory directory, TrainingListener listener) {
        try {
            return directory.readResult();
        } catch (DamagedFileException e) {
            Path kept = directory.setAside(e.file());
            notice(listener, "run " + directory.path().getFileName() + ": " + e.getMessage() + "; kept as " + kept.getFileName()
                    + ", and rebuilt from the run's newest checkpoint and metrics.jsonl");
            return Optional.empty();
        }
    }

    /**
     * provenance.json, once the run has started. A damaged one is set aside and said so, and this
     * session's provenance takes its place: what it recorded (the numerics the run started with
     * among it) is then unknown, and the run goes on with this session's.
     */
    private static Optional<Provenance> readProvenance(RunDirectory directory, TrainingListener listener) {
        try {
            return directory.readProvenance();
        } catch (DamagedFileException e) {
            Path kept = directory.setAside(e.file());
            notice(listener, "run " + directory.path().getFileName() + ": " + e.getMessage() + "; kept as " + kept.getFileName()
                    + "; the numerics the run started with are unknown, so it goes on with this session's");
            return Optional.empty();
        }
    }

    private static void notice(TrainingListener listener, String warning) {
        LOG.info(warning); // the listener tells the person; the log keeps it for a library's user
        listener.noticed(warning);
    }

    /** Threshold's version, from the build. */
    static String version() {
        try (InputStream in = Trainer.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Threshold's version", e);
        }
    }
}
