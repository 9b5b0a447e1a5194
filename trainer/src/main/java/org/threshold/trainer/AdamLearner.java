package org.threshold.trainer;

import ai.djl.ndarray.NDManager;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.threshold.api.model.Model;
import org.threshold.trainer.checkpoint.ParameterFile;
import org.threshold.trainer.evaluation.Decoder;
import org.threshold.trainer.evaluation.ModelDecoder;
import org.threshold.trainer.sampling.Batch;
import org.threshold.trainer.sampling.DerivedSeed;
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

    /** The learner of {@code plan}: its model initialized from {@code init_seed} on {@code manager}'s device. */
    public AdamLearner(RunPlan plan, NDManager manager) {
        this.model = plan.model();
        this.manager = manager;
        this.initSeed = plan.initSeed();
        model.initialize(manager, plan.initSeed());
        this.step = new TrainingStep(model, plan.training(), RunLength.steps(plan.training(), plan.task().components()), manager);
        this.decoder = new ModelDecoder(model, manager, plan.task().contextLength(), plan.task().stopToken());
    }

    @Override
    public double train(Batch batch, long s) {
        if (step.completedSteps() != s - 1) {
            throw new IllegalStateException("step " + s + " asked of an optimizer that has done " + step.completedSteps()
                    + " steps");
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
        step.close();
    }
}
