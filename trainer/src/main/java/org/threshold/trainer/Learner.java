package org.threshold.trainer;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.threshold.trainer.evaluation.Decoder;
import org.threshold.trainer.sampling.Batch;

/**
 * A model under training together with its optimizer: what the training loop drives. The loop
 * decides which batch, when to evaluate, when to save and when to stop; the learner does the
 * arithmetic (forward pass, loss, gradients, update) and owns every array that arithmetic needs.
 *
 * <p>A learner is deterministic: the same initial parameters and the same batches give the same
 * losses, and restoring what {@link #saveParameters} and {@link #saveOptimizer} wrote continues
 * exactly where the saved learner was.
 */
public interface Learner extends AutoCloseable {

    /**
     * One optimizer step on {@code batch}: the mean loss over the batch's counted targets, its
     * gradients, and the update with the learning rate of {@code step}.
     *
     * @param step the 1-based training step (the learning-rate schedule's position)
     * @return the batch's loss before the update; NaN or infinite when training diverged
     */
    double train(Batch batch, long step);

    /** The learning rate the optimizer uses at {@code step} (1-based). */
    double learningRate(long step);

    /** Greedy decoding with the current parameters. */
    Decoder decoder();

    /** The model's trainable parameter count (SPEC section 5). */
    long parameterCount();

    /** The model's unique trainable parameters (SPEC section 9, {@code Model.uniqueParameterCount}). */
    default long uniqueParameterCount() {
        return parameterCount();
    }

    /** The model in one line. */
    String summary();

    void saveParameters(DataOutputStream out) throws IOException;

    /** Replaces the parameters with saved ones (of a model of the same shape). */
    void loadParameters(DataInputStream in) throws IOException;

    void saveOptimizer(DataOutputStream out) throws IOException;

    /** Replaces the optimizer's state with a saved one. */
    void loadOptimizer(DataInputStream in) throws IOException;

    /** Releases the learner's arrays. */
    @Override
    void close();
}
