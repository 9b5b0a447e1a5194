package org.threshold.trainer.sampling;

import java.util.Arrays;
import java.util.List;
import org.threshold.api.task.Example;

/**
 * Lays examples out as a {@link Batch}: the model reads {@code tokens[0..n-2]} and predicts
 * {@code tokens[1..n-1]}; rows are right-padded to the longest example with the pad token, whose
 * targets are masked from the loss (SPEC section 2: padding is masked out of the loss).
 */
public final class BatchLayout {

    private final int pad;
    private final int contextLength;
    private final boolean completionOnly;

    /**
     * @param pad the vocabulary's padding token
     * @param contextLength the task's context length: no example may be longer
     * @param completionOnly whether only targets at or after an example's completion start count
     *     ({@code training.loss: completion}) rather than every non-pad target ({@code all})
     */
    public BatchLayout(int pad, int contextLength, boolean completionOnly) {
        this.pad = pad;
        this.contextLength = contextLength;
        this.completionOnly = completionOnly;
    }

    public Batch lay(List<Example> examples, int[] components) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one example");
        }
        int longest = 0;
        for (int r = 0; r < examples.size(); r++) {
            int n = examples.get(r).length();
            if (n > contextLength) {
                throw new IllegalStateException("a training example of component " + components[r] + " has " + n
                        + " tokens, more than the task's context length " + contextLength + "; the task must not produce it");
            }
            longest = Math.max(longest, n);
        }
        int rows = examples.size();
        int time = longest - 1;
        int[] inputs = new int[rows * time];
        int[] targets = new int[rows * time];
        float[] weights = new float[rows * time];
        Arrays.fill(inputs, pad);
        Arrays.fill(targets, pad);
        for (int r = 0; r < rows; r++) {
            Example e = examples.get(r);
            int[] t = e.tokens();
            int base = r * time;
            // target position i predicts token i+1; with completion-only loss it counts when that
            // token is part of the answer
            int firstCounted = completionOnly ? Math.max(0, e.completionStart() - 1) : 0;
            for (int i = 0; i < t.length - 1; i++) {
                inputs[base + i] = t[i];
                targets[base + i] = t[i + 1];
                weights[base + i] = i >= firstCounted ? 1f : 0f;
            }
        }
        return new Batch(rows, time, inputs, targets, weights, components.clone());
    }
}
