package org.threshold.trainer;

import org.threshold.api.task.Component;
import org.threshold.api.task.Task;
import org.threshold.api.task.TrainingSet;

/**
 * What a run's training needs of the machine, estimated from its plan before it starts, so that
 * a run that cannot fit is refused as a config problem rather than failing when it allocates
 * (docs/CONFIG.md, "Checked before a run starts").
 *
 * @param parameters the model's parameter count
 * @param heapBytes Java heap for the parameters as Java arrays: their initial values, and at each
 *     checkpoint a copy and its bytes (8 bytes a parameter; checkpoint.ParameterFile, step.Adam)
 * @param parameterBytes the engine's memory for the weights, their gradients and Adam's two
 *     moments, float32 each (16 bytes a parameter)
 * @param activationBytes the engine's memory for one step's activations: the model's own estimate
 *     ({@link org.threshold.api.model.Model#activationFloats}) and the logits with their
 *     log-softmax and its gradient (3 floats per token and vocabulary entry), for a batch of
 *     {@code rows} rows of {@code time} tokens
 * @param rows the batch's rows ({@code training.batch})
 * @param time the tokens a row holds: the longest of the first {@value #SAMPLED} training
 *     examples of each component, less the one it predicts last (rows are padded to the longest
 *     of their batch)
 */
public record TrainingMemory(long parameters, long heapBytes, long parameterBytes, long activationBytes, int rows, int time) {

    /** Training examples per component looked at for the batch's length. */
    static final int SAMPLED = 1_000;

    /** The engine's memory in all: parameters, their state and one step's activations. */
    public long engineBytes() {
        return parameterBytes > Long.MAX_VALUE - activationBytes ? Long.MAX_VALUE : parameterBytes + activationBytes;
    }

    public static TrainingMemory of(RunPlan plan) {
        long parameters = plan.model().parameterCount();
        int rows = plan.training().batch();
        int time = Math.max(1, longestExample(plan.task()) - 1);
        double logits = 3.0 * rows * time * plan.task().vocabulary().size();
        long activations = (long) Math.min(Long.MAX_VALUE, 4 * (plan.model().activationFloats(rows, time) + logits));
        return new TrainingMemory(parameters, saturated(parameters, 8), saturated(parameters, 16), activations, rows, time);
    }

    private static int longestExample(Task task) {
        int longest = 0;
        for (Component c : task.components()) {
            TrainingSet data = c.data();
            for (int i = 0; i < Math.min(SAMPLED, data.size()); i++) {
                longest = Math.max(longest, data.example(0, i).length());
            }
        }
        return longest;
    }

    private static long saturated(long count, long bytesEach) {
        return count > Long.MAX_VALUE / bytesEach ? Long.MAX_VALUE : count * bytesEach;
    }
}
