package org.threshold.trainer;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.api.curriculum.Curriculum;
import org.threshold.api.curriculum.Stage;
import org.threshold.api.task.Component;
import org.threshold.api.task.Task;
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
import org.threshold.trainer.stopping.StoppingRule;

/**
 * One run's training loop over a {@link Learner} (SPEC section 6): batches through the
 * curriculum, evaluation every {@code eval_every} steps and after the last (the last, whether at
 * the planned step or by early stopping, also scores the task's final-only sets), the early-stopping
 * rule, checkpoints every {@code checkpoint_every} steps and at the end, and the run directory's
 * records (docs/RUNS.md). A directory with a checkpoint is continued from it exactly; one with a
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

    private final Task task;
    private final Curriculum curriculum;
    private final TrainingConfig training;
    private final Checkpoints checkpoints;
    private final BatchSampler sampler;
    private final StoppingRule stopping;
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
        this.plan = plan;
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
    }

    RunOutcome run() {
        Optional<RunResult> done = directory.readResult();
        if (done.isPresent()) {
            return new RunOutcome(directory, done.get(), false, OptionalLong.empty());
        }
        sessionStart = System.nanoTime();
        directory.create();
        directory.writeAtomically(directory.config(), plan.resolvedYaml());
        directory.writeAtomically(directory.command(), command + "\n");
        OptionalLong resumedFrom = prepare();
        listener.started(directory, step, plannedSteps);
        try (BatchSupply batches = new BatchSupply(sampler, s -> inComponentOrder(curriculum.weights(s)))) {
            while (ended.isEmpty() && step < plannedSteps) {
                Optional<RunResult> failure = trainOneStep(batches);
                if (failure.isPresent()) {
                    return finish(failure.get(), resumedFrom);
                }
            }
        }
        if (ended.isEmpty()) { // resumed from the final checkpoint of a run with fewer steps than planned now
            ended = Optional.of(StopReason.STEPS);
        }
        return finish(result(ended.get(), message(ended.get())), resumedFrom);
    }

    /** Continues from the newest checkpoint, or starts fresh (from a warm start if the curriculum names one). */
    private OptionalLong prepare() {
        try {
            Optional<SavedCheckpoint> saved = checkpoints.latest();
            if (saved.isPresent()) {
                restore(saved.get());
                directory.metrics().keepUpTo(step, directory);
                lastRecord = last(directory.metrics().read());
                directory.writeProvenance(directory.readProvenance().orElse(provenance)
                        .withResumption(new Provenance.Resumption(now(), step)));
                LOG.info("resuming {} from its checkpoint at step {}", directory.path(), step);
                return OptionalLong.of(step);
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

    private void restore(SavedCheckpoint saved) throws IOException {
        try (DataInputStream model = saved.open(MODEL_PART); DataInputStream optimizer = saved.open(OPTIMIZER_PART)) {
            learner.loadParameters(model);
            learner.loadOptimizer(optimizer);
        }
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
        long t0 = System.nanoTime();
        Map<String, Double> metrics = evaluator.evaluate(learner.decoder(), stops || step == plannedSteps);
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
        if (stops) {
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
        try {
            checkpoints.save(state, Map.of(MODEL_PART, model, OPTIMIZER_PART, optimizer));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save a checkpoint in " + directory.checkpoints(), e);
        }
        lastCheckpoint = OptionalLong.of(step);
    }

    private RunResult diverged(long s, double loss, double learningRate) {
        String value = Double.isNaN(loss) ? "NaN" : "infinite";
        String kept = lastCheckpoint.isPresent()
                ? "the checkpoint of step " + lastCheckpoint.getAsLong() + " is kept in " + directory.checkpoints()
                : "no checkpoint had been saved yet";
        String clip = training.clipNorm() > 0 ? "training.clip is " + training.clipNorm() : "set training.clip (now off), e.g. 1.0";
        String message = String.format(java.util.Locale.ROOT,
                "the training loss became %s at step %d (learning rate %.3g); lower training.lr (now %s) or lengthen "
                        + "training.warmup (now %d steps), and check gradient clipping (%s); %s",
                value, s, learningRate, training.learningRate(), training.warmupSteps(), clip, kept);
        LOG.error("run {} stopped: {}", plan.identity(), message);
        step = s;
        return result(StopReason.NON_FINITE_LOSS, message);
    }

    private String message(StopReason reason) {
        return switch (reason) {
            case STEPS -> "trained all " + plannedSteps + " planned steps";
            case EARLY_STOPPING -> "the mean training loss changed by less than " + training.earlyStopping().minDelta()
                    + " for " + training.earlyStopping().patience() + " evaluations in a row (SPEC section 6)";
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
                provenance.numerics());
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
