package org.threshold.trainer;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.api.curriculum.Curriculum;
import org.threshold.api.curriculum.Evaluation;
import org.threshold.api.curriculum.Stage;
import org.threshold.api.task.Component;
import org.threshold.api.task.Phase;
import org.threshold.api.task.Task;
import org.threshold.runs.AtomicFile;
import org.threshold.runs.DamagedFileException;
import org.threshold.runs.run.CheckpointLayout;
import org.threshold.runs.run.EvaluationRecord;
import org.threshold.runs.run.Provenance;
import org.threshold.runs.run.RunDirectory;
import org.threshold.runs.run.RunResult;
import org.threshold.runs.run.StopReason;
import org.threshold.runs.run.Timing;
import org.threshold.trainer.checkpoint.CheckpointPart;
import org.threshold.trainer.checkpoint.Checkpoints;
import org.threshold.trainer.checkpoint.SavedCheckpoint;
import org.threshold.trainer.checkpoint.TrainingState;
import org.threshold.trainer.evaluation.Evaluator;
import org.threshold.trainer.sampling.Batch;
import org.threshold.trainer.sampling.BatchLayout;
import org.threshold.trainer.sampling.BatchSampler;
import org.threshold.trainer.sampling.BatchSupply;
import org.threshold.trainer.sampling.SamplerState;
import org.threshold.trainer.stopping.Divergence;
import org.threshold.trainer.stopping.StoppingRule;
import org.threshold.trainer.stopping.Target;

/**
 * One run's training loop over a {@link Learner} (SPEC section 6): batches through the
 * curriculum, evaluation every {@code eval_every} steps and after the last (the last, whether at
 * the planned step, by early stopping or at its target, also scores the task's final-only sets), the
 * early-stopping rule and the target ({@code training.stop_at}), checkpoints every
 * {@code checkpoint_every} steps and at the end, and the run directory's records (docs/RUNS.md). A directory with a checkpoint is continued from it exactly; one with a
 * result is left alone.
 */
final class TrainingLoop {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);
    private static final int KEEP_CHECKPOINTS = 2;
    private static final String MODEL_PART = Checkpoints.MODEL_PART;
    private static final String OPTIMIZER_PART = Checkpoints.OPTIMIZER_PART;

    private final RunPlan plan;
    private final RunDirectory directory;
    private final Learner learner;
    private final TrainingListener listener;
    private final String command;
    private final Provenance provenance;
    private final StopRequest stop;
    private final boolean rebuildOnly;

    private final Task task;
    private final Curriculum curriculum;
    private final TrainingConfig training;
    private final Checkpoints checkpoints;
    private final BatchSampler sampler;
    private final StoppingRule stopping;
    private final Target target;
    private final Evaluator evaluator;
    private final int plannedSteps;

    private long step;
    private SamplerState samplerState; // the sampler's state after the batch of the latest step (it may have drawn ahead)
    private long trainingNanos; // time in learner.train since the previous evaluation, this session
    private long timedSteps; // steps that time covers
    private double lossSum;
    private long lossSteps;
    private double elapsedBefore;
    private long sessionStart;
    private Optional<StopReason> ended = Optional.empty();
    private Optional<EvaluationRecord> lastRecord = Optional.empty();
    private OptionalLong lastCheckpoint = OptionalLong.empty();
    // the newest checkpoint worth going back to (stopping.Divergence), and the mean losses of those
    // saved after it, which a diverged run's message names
    private OptionalLong goodCheckpoint = OptionalLong.empty();
    private final Map<Long, Double> checkpointsAfterGood = new TreeMap<>();

    /**
     * @param plan the run
     * @param directory where it is recorded
     * @param learner the initialized model with its optimizer
     * @param listener sees progress
     * @param command the command that reproduces the run, for the {@code command} file
     * @param provenance this session's provenance (start time, versions, device)
     */
    TrainingLoop(RunPlan plan, RunDirectory directory, Learner learner, TrainingListener listener, String command,
                 Provenance provenance) {
        this(plan, directory, learner, listener, command, provenance, new StopRequest(), false);
    }

    /**
     * @param stop looked at after every step: a request stops the run there, with a checkpoint
     * @param rebuildOnly only write result.json again from the run's final checkpoint; refuse,
     *     changing nothing, when the checkpoint it would continue from is not the final one
     */
    TrainingLoop(RunPlan plan, RunDirectory directory, Learner learner, TrainingListener listener, String command,
                 Provenance provenance, StopRequest stop, boolean rebuildOnly) {
        this.stop = stop;
        this.plan = plan;
        this.rebuildOnly = rebuildOnly;
        this.directory = directory;
        this.learner = learner;
        this.listener = listener;
        this.command = command;
        this.provenance = provenance;
        this.task = plan.task();
        this.curriculum = plan.curriculum();
        this.training = plan.training();
        this.checkpoints = new Checkpoints(directory.checkpoints(), KEEP_CHECKPOINTS, plan.runtime().keepCheckpoints());
        this.plannedSteps = RunLength.steps(training, task.components());
        BatchLayout layout = new BatchLayout(task.vocabulary().pad(), task.contextLength(), training.loss().equals("completion"));
        this.sampler = new BatchSampler(task.components(), plan.initSeed(), training.batch(), layout);
        this.stopping = new StoppingRule(training.earlyStopping());
        this.evaluator = new Evaluator(task);
        // before anything is written: a target no evaluation reports would let the run train to its end unnoticed
        this.target = new Target(training.stopAt(), evaluator.everyEvaluationMetrics(), evaluator.finalOnlyMetrics());
    }

    RunOutcome run() {
        Optional<RunResult> done = directory.readResult();
        if (done.isPresent()) {
            return new RunOutcome(directory, done.get(), false, OptionalLong.empty());
        }
        sessionStart = System.nanoTime();
        directory.create();
        removeWhatKilledSessionsLeft();
        directory.writeAtomically(directory.config(), plan.resolvedYaml());
        directory.writeAtomically(directory.command(), command + "\n");
        OptionalLong resumedFrom = prepare();
        listener.started(directory, step, plannedSteps);
        stop.training(true);
        try (BatchSupply batches = new BatchSupply(sampler, s -> inComponentOrder(curriculum.weights(s)))) {
            while (ended.isEmpty() && step < plannedSteps) {
                Optional<RunResult> failure = trainOneStep(batches);
                if (failure.isPresent()) {
                    return finish(failure.get(), resumedFrom);
                }
                if (ended.isEmpty() && step < plannedSteps && stop.requested().isPresent()) {
                    throw stopHere(stop.requested().get());
                }
            }
        } finally {
            stop.training(false);
        }
        if (ended.isEmpty()) { // resumed from the final checkpoint of a run with fewer steps than planned now
            ended = Optional.of(StopReason.STEPS);
        }
        return finish(result(ended.get(), message(ended.get())), resumedFrom);
    }

    /**
     * Continues from the newest checkpoint that can be read, or starts fresh (from a warm start if
     * the curriculum names one). A damaged newer checkpoint is named to the listener and gives way
     * to the older one; a run whose checkpoints are all damaged is not started over here, since
     * that would train what they hold again without anyone having decided so.
     */
    private OptionalLong prepare() {
        try {
            Checkpoints.Restored restored = checkpoints.restoreNewest(this::restore);
            if (rebuildOnly && (restored.restored().isEmpty() || restored.restored().get().state().ended().isEmpty())) {
                // nothing written yet: the directory stays as it was
                String newest = restored.restored().map(c -> "its newest readable checkpoint (step " + c.step() + ") is not its final one")
                        .orElse("it has no readable checkpoint");
                throw new IllegalStateException(newest + ", so only training can rebuild its result");
            }
            for (DamagedFileException damaged : restored.damaged()) {
                String instead = restored.restored().map(c -> "the run continues from its checkpoint of step " + c.step() + " instead")
                        .orElse("no older checkpoint can be read either");
                notice("run " + plan.identity() + ": " + damaged.getMessage() + "; " + instead);
            }
            if (restored.restored().isPresent()) {
                directory.metrics().keepUpTo(step, directory);
                lastRecord = last(directory.metrics().read());
                noteCheckpoint(step, meanLossAtCheckpoint());
                directory.writeProvenance(directory.readProvenance().orElse(provenance)
                        .withResumption(new Provenance.Resumption(now(), step)));
                LOG.info("resuming {} from its checkpoint at step {}", directory.path(), step);
                return OptionalLong.of(step);
            }
            if (!restored.damaged().isEmpty()) {
                throw new DamagedRunException(plan.identity(), directory.path(), restored.damaged());
            }
            Files.deleteIfExists(directory.metrics().file()); // a run killed before its first checkpoint starts over
            Optional<Path> warm = curriculum.startFrom();
            if (warm.isPresent()) {
                warmStart(warm.get());
            }
            directory.writeProvenance(provenance);
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoints of " + directory.path(), e);
        }
    }

    /**
     * Loads a checkpoint's parts into the learner, then the loop's state; a part that cannot be
     * read (cut short, of another model) is a {@link DamagedFileException} naming it, and leaves
     * the loop's state untouched.
     */
    private void restore(SavedCheckpoint saved) throws IOException {
        load(saved, MODEL_PART, learner::loadParameters);
        load(saved, OPTIMIZER_PART, learner::loadOptimizer);
        TrainingState s = saved.state();
        step = s.step();
        sampler.restore(s.sampler());
        samplerState = s.sampler();
        curriculum.restore(s.curriculum());
        stopping.restore(s.stopping());
        lossSum = s.lossSum();
        lossSteps = s.lossSteps();
        ended = s.ended();
        elapsedBefore = s.elapsedSeconds();
        lastCheckpoint = OptionalLong.of(step);
    }

    private interface PartLoader {
        void load(DataInputStream in) throws IOException;
    }

    private static void load(SavedCheckpoint saved, String part, PartLoader loader) throws IOException {
        Path file = saved.directory().resolve(part);
        try (DataInputStream in = saved.open(part)) {
            loader.load(in);
        } catch (EOFException e) {
            throw new DamagedFileException(file, "it ends before all its values (cut short)", e);
        } catch (IOException e) {
            if (!Files.isRegularFile(file)) {
                throw new DamagedFileException(file, "it is missing", e);
            }
            throw new DamagedFileException(file, "it cannot be loaded: " + e.getMessage(), e);
        }
    }

    private void notice(String warning) {
        LOG.info(warning); // the listener tells the person; the log keeps it for a library's user
        listener.noticed(warning);
    }

    private void warmStart(Path from) throws IOException {
        Path params = resolveWarmStart(from);
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(params)))) {
            learner.loadParameters(in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the curriculum's warm start (from: " + from + ") does not fit this run's model: "
                    + e.getMessage() + "; the source run's model must have this run's shape (" + learner.summary()
                    + ") and the same vocabulary and context", e);
        }
        LOG.info("starting from the weights in {}", params);
    }

    /** A run directory (its newest checkpoint), a checkpoint directory, or a parameter file. */
    private static Path resolveWarmStart(Path from) throws IOException {
        if (Files.isRegularFile(from)) {
            return from;
        }
        if (Files.isRegularFile(from.resolve(MODEL_PART))) {
            return from.resolve(MODEL_PART);
        }
        Optional<SavedCheckpoint> newest = new Checkpoints(new RunDirectory(from).checkpoints(), Integer.MAX_VALUE).latest();
        if (newest.isEmpty()) {
            throw new IllegalArgumentException("cannot start from " + from
                    + ": it is neither a run directory with a checkpoint, nor a checkpoint, nor a parameter file");
        }
        return newest.get().directory().resolve(MODEL_PART);
    }

    /**
     * Temporary files of atomic writes and partial checkpoints that a session killed while writing
     * left behind; they are never read, and a run killed during start-up again and again would
     * gather them for good. The caller holds the run's lock, so no live writer owns them.
     */
    private void removeWhatKilledSessionsLeft() {
        try {
            List<Path> removed = new ArrayList<>(AtomicFile.removeAbandoned(directory.path()));
            removed.addAll(checkpoints.removeUnfinished());
            if (!removed.isEmpty()) {
                LOG.info("removed what killed sessions of {} left behind: {}", directory.path(), removed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory.path(), e);
        }
    }

    /** One step, and the evaluation and checkpoint that fall on it; a failure result if the loss diverged. */
    private Optional<RunResult> trainOneStep(BatchSupply batches) {
        long s = step + 1;
        BatchSupply.Drawn drawn = batches.take(s);
        boolean evaluationStep = s % training.evalEvery() == 0 || s == plannedSteps;
        if (!evaluationStep) { // after an evaluation the curriculum may change the weights: no drawing ahead
            batches.prepare(s + 1);
        }
        Map<String, Double> weights = drawn.weights();
        Batch batch = drawn.batch();
        samplerState = drawn.samplerAfter();
        double learningRate = learner.learningRate(s);
        long t0 = System.nanoTime();
        double loss = learner.train(batch, s);
        trainingNanos += System.nanoTime() - t0;
        timedSteps++;
        if (!Double.isFinite(loss)) {
            return Optional.of(diverged(s, loss, learningRate));
        }
        step = s;
        lossSum += loss;
        lossSteps++;
        listener.stepped(s, loss);
        if (evaluationStep) {
            evaluate(learningRate, weights);
        }
        if (ended.isEmpty() && s == plannedSteps) {
            ended = Optional.of(StopReason.STEPS);
        }
        if (s % plan.runtime().checkpointEvery() == 0 || ended.isPresent() || plan.runtime().keepCheckpoints().contains(s)) {
            saveCheckpoint();
        }
        return Optional.empty();
    }

    /** A checkpoint of this very step (unless one was just written), so that the run resumes here. */
    private RunStopped stopHere(StopRequest.Reason reason) {
        if (lastCheckpoint.isEmpty() || lastCheckpoint.getAsLong() != step) {
            saveCheckpoint();
        }
        LOG.info("run {} stopped by {} at step {} with a checkpoint", plan.identity(), reason.signal(), step);
        stop.honour();
        return new RunStopped(reason, step, plannedSteps, new CheckpointLayout(directory.checkpoints()).step(step));
    }

    // every component, in the task's order, so that records do not depend on the map the curriculum built
    private Map<String, Double> inComponentOrder(Map<String, Double> weights) {
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (Component c : task.components()) {
            ordered.put(c.name(), weights.getOrDefault(c.name(), 0.0));
        }
        for (String name : weights.keySet()) {
            if (!ordered.containsKey(name)) {
                ordered.put(name, weights.get(name)); // the sampler refuses it with a message naming the components
            }
        }
        return ordered;
    }

    private void evaluate(double learningRate, Map<String, Double> weights) {
        Stage stage = curriculum.stage();
        double mean = lossSum / lossSteps;
        // The rule reads the training loss and the stage only, so it can decide before scoring whether
        // this evaluation is the run's last, the one that also scores the final-only sets.
        boolean stops = stopping.observe(step, mean, stage.last());
        boolean last = stops || step == plannedSteps;
        long t0 = System.nanoTime();
        Map<String, Double> metrics = evaluator.evaluate(learner.decoder(), last);
        // The target is known to end the run only once the evaluation is scored: the final-only sets follow.
        boolean reached = target.reached(metrics, stage.last());
        if (reached && !last) {
            metrics = evaluator.withFinalOnly(learner.decoder(), metrics);
        }
        double evaluationSeconds = (System.nanoTime() - t0) / 1e9;
        double stepsPerSecond = trainingNanos == 0 ? 0 : timedSteps / (trainingNanos / 1e9);
        EvaluationRecord record = new EvaluationRecord(step, metrics, mean, learningRate, stage, weights,
                new Timing(elapsedSeconds(), evaluationSeconds, stepsPerSecond));
        curriculum.observe(record.evaluation());
        Stage after = curriculum.stage();
        if (!after.equals(stage)) { // a staged curriculum's condition held: the line says so (docs/RUNS.md, next_stage)
            record = record.withNextStage(after);
            LOG.info("curriculum: {} after step {}", after, step);
        }
        directory.metrics().append(record);
        lastRecord = Optional.of(record);
        listener.evaluated(record);
        if (reached) { // also when early stopping fires at the same evaluation, or it is the planned last
            ended = Optional.of(StopReason.TARGET);
        } else if (stops) {
            ended = Optional.of(StopReason.EARLY_STOPPING);
        }
        lossSum = 0;
        lossSteps = 0;
        trainingNanos = 0;
        timedSteps = 0;
    }

    private void saveCheckpoint() {
        TrainingState state = new TrainingState(step, samplerState, curriculum.state(), lossSum, lossSteps, stopping.state(),
                ended, elapsedSeconds());
        CheckpointPart model = learner::saveParameters;
        CheckpointPart optimizer = learner::saveOptimizer;
        double meanLoss = meanLossAtCheckpoint();
        // a checkpoint of a model already worse than guessing must not prune the last good one
        Checkpoints saving = goodCheckpoint.isPresent() && !Divergence.worthKeeping(meanLoss, task.vocabulary().size())
                ? new Checkpoints(directory.checkpoints(), KEEP_CHECKPOINTS, withStep(plan.runtime().keepCheckpoints(), goodCheckpoint.getAsLong()))
                : checkpoints;
        try {
            saving.save(state, Map.of(MODEL_PART, model, OPTIMIZER_PART, optimizer));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save a checkpoint in " + directory.checkpoints(), e);
        }
        lastCheckpoint = OptionalLong.of(step);
        noteCheckpoint(step, meanLoss);
    }

    /** The mean training loss since the evaluation before the current step (that evaluation's, right after it). */
    private double meanLossAtCheckpoint() {
        if (lossSteps > 0) {
            return lossSum / lossSteps;
        }
        return lastRecord.map(EvaluationRecord::trainLoss).orElse(Double.NaN);
    }

    private void noteCheckpoint(long s, double meanLoss) {
        if (Divergence.worthKeeping(meanLoss, task.vocabulary().size())) {
            goodCheckpoint = OptionalLong.of(s);
            checkpointsAfterGood.clear();
        } else {
            checkpointsAfterGood.put(s, meanLoss);
        }
    }

    private static Set<Long> withStep(Set<Long> steps, long step) {
        Set<Long> out = new TreeSet<>(steps);
        out.add(step);
        return out;
    }

    private RunResult diverged(long s, double loss, double learningRate) {
        String value = Double.isNaN(loss) ? "NaN" : "infinite";
        // checkpoints pruned since they were noted are not named
        Map<Long, Double> newer = new TreeMap<>(checkpointsAfterGood);
        try {
            newer.keySet().retainAll(checkpoints.steps());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the checkpoints of " + directory.path(), e);
        }
        String message = String.format(java.util.Locale.ROOT, "the training loss became %s at step %d (learning rate %.3g); %s; %s",
                value, s, learningRate, Divergence.advice(training),
                Divergence.kept(goodCheckpoint, newer, task.vocabulary().size(), directory.checkpoints().toString()));
        // said once, by whoever reports the result (the run's summary), not also in the log
        LOG.debug("run {} stopped: {}", plan.identity(), message);
        step = s;
        return result(StopReason.NON_FINITE_LOSS, message);
    }

    private String message(StopReason reason) {
        return switch (reason) {
            case STEPS -> "trained all " + plannedSteps + " planned steps";
            case EARLY_STOPPING -> "the mean training loss changed by less than " + training.earlyStopping().minDelta()
                    + " for " + training.earlyStopping().patience() + " evaluations in a row (SPEC section 6)";
            case TARGET -> target.message(lastRecord.map(EvaluationRecord::metrics).orElse(Map.of()), step);
            case NON_FINITE_LOSS -> "the training loss diverged";
        };
    }

    private RunResult result(StopReason reason, String message) {
        Map<String, Double> metrics = lastRecord.map(EvaluationRecord::metrics).orElse(Map.of());
        Double headline = metrics.get(plan.metric());
        // a run that diverged before its end has no final-only metrics, and so no such headline
        if (lastRecord.isPresent() && headline == null && !evaluator.finalOnlyMetrics().contains(plan.metric())) {
            throw new IllegalStateException("the headline metric '" + plan.metric() + "' is not among the evaluation's metrics "
                    + metrics.keySet() + "; name one of them in the config's metric key");
        }
        return new RunResult(reason, message, plan.metric(),
                headline == null ? OptionalDouble.empty() : OptionalDouble.of(headline), learner.parameterCount(), step,
                plannedSteps, lastRecord.map(r -> OptionalDouble.of(r.trainLoss())).orElse(OptionalDouble.empty()), metrics,
                new TreeMap<>(task.figures()), plan.name(), plan.identity(), task.describe(), learner.summary(), elapsedSeconds(),
                provenance.numerics(), phases(), learner.uniqueParameterCount());
    }

    /**
     * The task's phases (Task.phases) with the first step each was reached at, read from the whole of
     * metrics.jsonl, so that a resumed run counts the evaluations of its earlier sessions too.
     */
    private Map<String, OptionalLong> phases() {
        List<Phase> phases = task.phases();
        Map<String, OptionalLong> out = new LinkedHashMap<>();
        if (phases.isEmpty()) {
            return out;
        }
        List<Evaluation> history = directory.metrics().read().stream().map(EvaluationRecord::evaluation).toList();
        for (Phase phase : phases) {
            out.put(phase.name(), phase.reachedAt(history));
        }
        return out;
    }

    private RunOutcome finish(RunResult result, OptionalLong resumedFrom) {
        directory.writeProvenance(directory.readProvenance().orElse(provenance).withFinished(now()));
        directory.writeResult(result); // last: its presence means the run has ended
        listener.ended(result);
        return new RunOutcome(directory, result, true, resumedFrom);
    }

    private double elapsedSeconds() {
        return elapsedBefore + (System.nanoTime() - sessionStart) / 1e9;
    }

    private static Optional<EvaluationRecord> last(List<EvaluationRecord> records) {
        return records.isEmpty() ? Optional.empty() : Optional.of(records.get(records.size() - 1));
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
