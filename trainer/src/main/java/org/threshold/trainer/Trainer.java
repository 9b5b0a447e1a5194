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
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.runs.DamagedFileException;
import org.threshold.runs.run.Numerics;
import org.threshold.runs.run.Provenance;
import org.threshold.runs.run.RunDirectory;
import org.threshold.runs.run.RunResult;
import org.threshold.runs.run.SourceCommit;
import org.threshold.trainer.device.DeviceChoice;
import org.threshold.trainer.device.EngineThreads;

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
        int threads = recorded.isPresent() ? EngineThreads.pin(recorded.get().threads())
                : EngineThreads.request(EngineThreads.resolve(plan.runtime().threads()));
        Numerics numerics = Numerics.of(threads, System.getenv());
        if (recorded.isPresent() && !recorded.get().equals(numerics)) {
            throw new NumericsChangedException(plan.identity(), recorded.get(), numerics);
        }
        Engine engine = Engine.getInstance();
        EngineThreads.loaded();
        Device device = DeviceChoice.select(plan.runtime().device(), engine);
        Provenance provenance = new Provenance(version(), System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                Engine.getDjlVersion(), engine.getEngineName() + " " + engine.getVersion(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                device.toString(), threads, SourceCommit.find(), Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                Optional.empty(), List.of(), Optional.of(numerics));
        try (NDManager manager = engine.newBaseManager(device); Learner learner = learners.create(plan, manager)) {
            return new TrainingLoop(plan, directory, learner, listener, command, provenance, stop, rebuildOnly).run();
        }
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
