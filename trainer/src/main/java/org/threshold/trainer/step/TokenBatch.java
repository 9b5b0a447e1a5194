package org.threshold.trainer.step;

import java.util.List;
import org.threshold.api.task.Example;

/**
 * One training batch as the model and the loss read it: inputs and next-token targets, both
 * (size, length) row-major, and a loss mask saying which targets count.
 *
 * <p>Examples of different lengths are right-padded with the pad token; a padded target never
 * counts (SPEC section 6: cross-entropy over all non-pad positions). With completion-only loss,
 * only targets at token index {@code >= Example.completionStart()} count, i.e. input position
 * {@code i} counts when {@code i + 1 >= completionStart}.
 *
 * @param size sequences
 * @param length positions per sequence
 * @param inputs token ids the model reads
 * @param targets the token each position must predict
 * @param lossMask 1 where the target counts, 0 where it does not
 * @param counted number of counted targets (at least one)
 */
public record TokenBatch(int size, int length, long[] inputs, long[] targets, float[] lossMask, int counted) {

    public TokenBatch {
        if (size < 1 || length < 1) {
            throw new IllegalArgumentException("a batch needs at least one sequence of one position, got " + size + "x" + length);
        }
        int n = size * length;
        if (inputs.length != n || targets.length != n || lossMask.length != n) {
            throw new IllegalArgumentException("expected " + n + " inputs, targets and mask entries for " + size + "x" + length
                    + ", got " + inputs.length + ", " + targets.length + " and " + lossMask.length);
        }
        if (counted < 1) {
            throw new IllegalArgumentException("a batch needs at least one target that counts");
        }
    }

    /** Every target counts, e.g. a batch of random or stream tokens with no padding. */
    public static TokenBatch unmasked(int size, int length, long[] inputs, long[] targets) {
        float[] mask = new float[size * length];
        java.util.Arrays.fill(mask, 1f);
        return new TokenBatch(size, length, inputs, targets, mask, size * length);
    }

    /**
     * Builds a batch from examples, right-padded to the longest.
     *
     * @param pad the vocabulary's padding token
     * @param completionOnly count only answer tokens (the {@code loss: completion} setting)
     */
    public static TokenBatch of(List<Example> examples, int pad, boolean completionOnly) {
        int longest = examples.stream().mapToInt(Example::length).max()
                .orElseThrow(() -> new IllegalArgumentException("a batch needs at least one example"));
        return of(examples, pad, completionOnly, longest - 1);
    }

    /** As {@link #of(List, int, boolean)}, padded to {@code length} positions. */
    public static TokenBatch of(List<Example> examples, int pad, boolean completionOnly, int length) {
        int size = examples.size();
        long[] inputs = new long[size * length];
        long[] targets = new long[size * length];
        float[] mask = new float[size * length];
        java.util.Arrays.fill(inputs, pad);
        java.util.Arrays.fill(targets, pad);
        int counted = 0;
        for (int b = 0; b < size; b++) {
            Example e = examples.get(b);
            int[] tokens = e.tokens();
            if (tokens.length - 1 > length) {
                throw new IllegalArgumentException("example " + b + " has " + tokens.length + " tokens; a batch of "
                        + length + " positions holds at most " + (length + 1));
            }
            int from = completionOnly ? e.completionStart() : 0;
            for (int i = 0; i + 1 < tokens.length; i++) {
                inputs[b * length + i] = tokens[i];
                targets[b * length + i] = tokens[i + 1];
                if (i + 1 >= from) {
                    mask[b * length + i] = 1f;
                    counted++;
                }
            }
        }
        return new TokenBatch(size, length, inputs, targets, mask, counted);
    }

    /** Whether every target counts (the loss can then be a plain mean). */
    public boolean countsEveryTarget() {
        return counted == size * length;
    }
}
