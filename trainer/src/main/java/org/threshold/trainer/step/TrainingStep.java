package org.threshold.trainer.step;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.threshold.api.model.Model;
import org.threshold.trainer.TrainingConfig;

/**
 * One optimizer step: forward, masked cross-entropy, backward, global-norm clipping, Adam with
 * the scheduled learning rate, the loss read back as a Java float. Every array the step makes
 * lives in an {@link NDScope} and a sub-manager closed with the step, and each parameter's
 * gradient is zeroed by the update, so a 20,000-step run does not grow (DESIGN.md).
 *
 * <p>Works with any {@link Model}: it trains the DJL parameters of {@link Model#block()}. The
 * built-in GPT keeps all its parameters in one array, so the update, the norm and the zeroing
 * are one native call each.
 *
 * <p>Checkpoints: the model's parameters ({@code block().saveParameters}) and {@link #optimizer()}'s
 * state ({@link Adam#save}) together resume a run exactly; the next step's index is
 * {@link #completedSteps()}.
 */
public final class TrainingStep implements AutoCloseable {

    private final Block block;
    private final NDManager manager;
    private final Adam adam;
    private final LearningRateSchedule schedule;
    private final GradientClipping clipping;

    /**
     * @param model initialized on {@code manager}'s device
     * @param steps the run's length in steps (the cosine decay ends at its last step)
     */
    public TrainingStep(Model model, TrainingConfig config, int steps, NDManager manager) {
        this(model, new Adam(config.beta1(), config.beta2(), config.epsilon(), config.weightDecay(), manager),
                LearningRateSchedule.of(config, steps), new GradientClipping(config.clipNorm()), manager);
    }

    public TrainingStep(Model model, Adam adam, LearningRateSchedule schedule, GradientClipping clipping,
                        NDManager manager) {
        this.block = model.block();
        this.manager = manager;
        this.adam = adam;
        this.schedule = schedule;
        this.clipping = clipping;
        if (block.getParameters().isEmpty()) {
            throw new IllegalArgumentException("the model " + model.summary() + " has no parameters to train");
        }
    }

    public Adam optimizer() {
        return adam;
    }

    public LearningRateSchedule schedule() {
        return schedule;
    }

    /** Steps completed, which is the index of the next step. */
    public int completedSteps() {
        return (int) adam.steps();
    }

    /** Trains on one batch. */
    public StepResult run(TokenBatch batch) {
        List<NDArray> parameters = trainableArrays();
        try (NDManager scope = manager.newSubManager(); NDScope arrays = new NDScope()) {
            return update(parameters, (float) valueOf(lossWithGradients(batch, scope)));
        }
    }

    /**
     * The update once the gradients are in: the global norm, a step skipped (its gradients zeroed)
     * when the loss or the norm is not finite, otherwise clipping and Adam with the scheduled rate.
     * Called inside the caller's scope; {@link StackedStep} calls it for each member after one
     * stacked backward pass.
     *
     * @param parameters {@link #trainableArrays()}, holding the batch's gradients
     */
    StepResult update(List<NDArray> parameters, float loss) {
        int step = completedSteps();
        double rate = schedule.rate(step);
        List<NDArray> gradients = new ArrayList<>(parameters.size());
        for (NDArray p : parameters) {
            gradients.add(p.getGradient());
        }
        float norm = (float) globalNorm(gradients);
        if (!Float.isFinite(loss) || !Float.isFinite(norm)) {
            for (NDArray g : gradients) {
                g.set(new NDIndex("..."), 0f);
            }
            return new StepResult(step, loss, norm, rate, false);
        }
        adam.update(parameters, gradients, rate, clipping.scale(norm));
        return new StepResult(step, loss, norm, rate, true);
    }

    /**
     * The loss on {@code batch} and its gradient for every trainable parameter array, through the
     * same code as {@link #run} but without an update; for gradient checks.
     */
    LossAndGradients lossAndGradients(TokenBatch batch) {
        List<NDArray> parameters = trainableArrays();
        try (NDManager scope = manager.newSubManager(); NDScope arrays = new NDScope()) {
            double loss = valueOf(lossWithGradients(batch, scope));
            List<double[]> gradients = new ArrayList<>();
            for (NDArray p : parameters) {
                NDArray g = p.getGradient();
                gradients.add(g.toType(DataType.FLOAT64, false).toDoubleArray());
                g.set(new NDIndex("..."), 0f);
            }
            return new LossAndGradients(loss, gradients);
        }
    }

    record LossAndGradients(double loss, List<double[]> gradients) {
    }

    /** Forward, loss and backward: the parameters' gradients hold the batch's gradient afterwards. */
    private NDArray lossWithGradients(TokenBatch batch, NDManager scope) {
        NDArray inputs = scope.create(batch.inputs(), new Shape(batch.size(), batch.length()));
        try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
            // a fresh store each step: a store keeps the arrays it first saw, and loading a
            // checkpoint replaces the parameters' arrays
            NDArray logits = block.forward(new ParameterStore(scope, false), new NDList(inputs), true).singletonOrThrow();
            NDArray loss = MaskedCrossEntropy.loss(logits, batch, scope);
            collector.backward(loss);
            return loss;
        }
    }

    static double valueOf(NDArray scalar) {
        return scalar.getDataType() == DataType.FLOAT64 ? scalar.getDouble() : scalar.getFloat();
    }

    /** The block's parameter arrays, each tracking its gradient (a loaded checkpoint's arrays do not yet). */
    List<NDArray> trainableArrays() {
        List<NDArray> arrays = new ArrayList<>();
        for (Parameter p : block.getParameters().values()) {
            if (!p.requiresGradient()) {
                continue;
            }
            NDArray array = p.getArray();
            if (!array.hasGradient()) {
                array.setRequiresGradient(true);
            }
            arrays.add(array);
        }
        return arrays;
    }

    private static double globalNorm(List<NDArray> gradients) {
        if (gradients.size() == 1) {
            return valueOf(gradients.get(0).norm());
        }
        double squares = 0;
        for (NDArray g : gradients) {
            squares += valueOf(g.square().sum());
        }
        return Math.sqrt(squares);
    }

    @Override
    public void close() {
        adam.close();
    }
}
