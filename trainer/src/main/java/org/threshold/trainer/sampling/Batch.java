package org.threshold.trainer.sampling;

/**
 * One training batch as plain arrays, row-major (batch, time): what the model reads, what it is
 * trained to predict, and which predictions count in the loss.
 *
 * <p>Rows are right-padded with the vocabulary's pad token to the longest row of the batch; padded
 * targets (and, with completion-only loss, the prompt's targets) have weight 0.
 *
 * @param rows sequences in the batch
 * @param time positions per row (the longest example's length minus one)
 * @param inputs token ids the model reads, {@code rows * time}
 * @param targets the next token at every position, {@code rows * time}; the pad token where masked
 * @param weights 1 where the target counts in the loss, 0 elsewhere
 * @param components which component each row was drawn from (index into the task's components)
 */
public record Batch(int rows, int time, int[] inputs, int[] targets, float[] weights, int[] components) {

    public Batch {
        if (rows < 1 || time < 1) {
            throw new IllegalArgumentException("a batch needs at least one row and one position, got " + rows + "x" + time);
        }
        int cells = rows * time;
        if (inputs.length != cells || targets.length != cells || weights.length != cells || components.length != rows) {
            throw new IllegalArgumentException("batch arrays do not match its shape " + rows + "x" + time);
        }
    }

    /** How many targets count in the loss. */
    public int countedTargets() {
        int n = 0;
        for (float w : weights) {
            if (w != 0) {
                n++;
            }
        }
        return n;
    }
}
