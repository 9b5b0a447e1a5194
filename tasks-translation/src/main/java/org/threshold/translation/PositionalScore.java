package org.threshold.translation;

import java.util.List;
import java.util.Map;
import org.threshold.api.task.EvalItem;
import org.threshold.api.task.Scorer;

/**
 * The paper's score of a translation (section 3.1), by the number of positions right: for
 * sentences of 4 tokens 1, 0.75, 0.5, 0.24 and 0 for 4, 3, 2, 1 and 0 positions (the authors' code
 * uses 0.25 for one; the table is configurable). A position is right when the generated token
 * there equals the expected one; positions the model did not write count as wrong. Metrics:
 * {@code score} (the headline) and {@code exact_match} (all L positions right).
 */
public final class PositionalScore implements Scorer {

    public static final String SCORE = "score";
    public static final String EXACT_MATCH = "exact_match";

    private final double[] byWrong;

    /** @param weights the score for L, L-1, …, 0 positions right; L is one less than its size */
    public PositionalScore(List<Double> weights) {
        if (weights.size() < 2) {
            throw new IllegalArgumentException("a score table gives L+1 >= 2 values (for L..0 positions right), got " + weights);
        }
        byWrong = new double[weights.size()];
        for (int i = 0; i < byWrong.length; i++) {
            double w = weights.get(i);
            if (!(w >= 0 && w <= 1)) {
                throw new IllegalArgumentException("scores are in [0, 1], got " + w + " in " + weights);
            }
            byWrong[i] = w;
        }
    }

    /** Sentence length L this table is for. */
    public int length() {
        return byWrong.length - 1;
    }

    /** The score of a translation with {@code right} of L positions right. */
    public double forPositionsRight(int right) {
        if (right < 0 || right > length()) {
            throw new IllegalArgumentException("positions right must be in 0.." + length() + ", got " + right);
        }
        return byWrong[length() - right];
    }

    /** How many of the first L positions of {@code generated} equal {@code expected}. */
    public static int positionsRight(int[] expected, int[] generated) {
        int right = 0;
        for (int i = 0; i < expected.length && i < generated.length; i++) {
            if (generated[i] == expected[i]) {
                right++;
            }
        }
        return right;
    }

    @Override
    public List<String> metrics() {
        return List.of(SCORE, EXACT_MATCH);
    }

    @Override
    public Map<String, Double> score(EvalItem item, int[] generated) {
        int[] expected = item.expected();
        if (expected.length != length()) {
            throw new IllegalArgumentException("this score table is for sentences of " + length() + " tokens; the item expects "
                    + expected.length);
        }
        int right = positionsRight(expected, generated);
        return Map.of(SCORE, forPositionsRight(right), EXACT_MATCH, right == length() ? 1.0 : 0.0);
    }
}
