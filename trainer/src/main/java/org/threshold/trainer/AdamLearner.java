package org.threshold.trainer;

import ai.djl.ndarray.NDManager;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Optional;
import org.threshold.api.model.Model;
import org.threshold.trainer.checkpoint.ParameterFile;
import org.threshold.trainer.evaluation.Decoder;
import org.threshold.trainer.evaluation.ModelDecoder;
import org.threshold.trainer.sampling.Batch;
import org.threshold.trainer.sampling.DerivedSeed;
import org.threshold.trainer.step.StackedStep;
import org.threshold.trainer.step.TokenBatch;
import org.threshold.trainer.step.TrainingStep;

/**
 * The learner of SPEC section 6: the run's model trained by {@link TrainingStep} (masked
 * cross-entropy, global-norm clipping, Adam with warm-up and cosine decay) and evaluated with the
 * model's own greedy decoder when it has one, otherwise by recomputing every position.
 */
public final class AdamLearner implements Learner {

    private static final long DROPOUT_STREAM = 0x44524f50L; // "DROP"

    private final Model model;
    private final NDManager manager;
    private final long initSeed;
    private final TrainingStep step;
    private final Decoder decoder;
    private final Optional<StackedStep> stack;
    private final int position;

    /** The learner of {@code plan}: its model initialized from {@code init_seed} on {@code manager}'s device. */
    public AdamLearner(RunPlan plan, NDManager manager) {
        this(plan, manager, Optional.empty(), 0);
    }

    /**
     * The learner of {@code plan} as member {@code position} of {@code stack} (SPEC section 10):
     * its steps are the stack's passes; closing it leaves the stack.
     */
    public AdamLearner(RunPlan plan, NDManager manager, StackedStep stack, int position) {
        this(plan, manager, Optional.of(stack), position);
    }

    private AdamLearner(RunPlan plan, NDManager manager, Optional<StackedStep> stack, int position) {
        this.model = plan.model();
        this.manager = manager;
        this.initSeed = plan.initSeed();
        model.initialize(manager, plan.initSeed());
        this.step = new TrainingStep(model, plan.training(), RunLength.steps(plan.training(), plan.task().components()), manager);
        this.decoder = new ModelDecoder(model, manager, plan.task().contextLength(), plan.task().stopToken());
        this.stack = stack;
        this.position = position;
        stack.ifPresent(s -> s.join(position, model, step));
    }

    @Override
    public double train(Batch batch, long s) {
        if (step.completedSteps() != s - 1) {
            throw new IllegalStateException("step " + s + " asked of an optimizer that has done " + step.completedSteps()
                    + " steps");
        }
        if (stack.isPresent()) {
            // stacked models have no dropout (GptStacking refuses it), so no engine seed is set:
            // the engine's generator is shared by the stack's threads
            return stack.get().run(position, tokens(batch)).loss();
        }
        // dropout draws from the engine's generator; seeding it per step gives a resumed run the same masks
        manager.getEngine().setRandomSeed((int) DerivedSeed.of(initSeed, DROPOUT_STREAM, s));
        return step.run(tokens(batch)).loss();
    }

    private static TokenBatch tokens(Batch b) {
        int n = b.inputs().length;
        long[] inputs = new long[n];
        long[] targets = new long[n];
        for (int i = 0; i < n; i++) {
            inputs[i] = b.inputs()[i];
            targets[i] = b.targets()[i];
        }
        return new TokenBatch(b.rows(), b.time(), inputs, targets, b.weights(), b.countedTargets());
    }

    @Override
    public double learningRate(long s) {
        return step.schedule().rate(Math.toIntExact(s - 1)); // the schedule counts steps from 0
    }

    @Override
    public Decoder decoder() {
        return decoder;
    }

    @Override
    public long parameterCount() {
        return model.parameterCount();
    }

    @Override
    public long uniqueParameterCount() {
        return model.uniqueParameterCount();
    }

    @Override
    public String summary() {
        return model.summary();
    }

    @Override
    public void saveParameters(DataOutputStream out) throws IOException {
        ParameterFile.save(model.block(), out);
    }

    @Override
    public void loadParameters(DataInputStream in) throws IOException {
        ParameterFile.load(model.block(), in);
    }

    @Override
    public void saveOptimizer(DataOutputStream out) throws IOException {
        step.optimizer().save(out);
    }

    @Override
    public void loadOptimizer(DataInputStream in) throws IOException {
        step.optimizer().load(in);
    }

    @Override
    public void close() {
        stack.ifPresent(s -> s.leave(position));
        step.close();
    }
}
