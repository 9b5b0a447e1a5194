package org.threshold.addition;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.threshold.api.task.EvalItem;
import org.threshold.api.task.Scorer;

/**
 * SPEC section 9's scores of one completion:
 * <ul>
 *   <li>{@code accuracy}: 1 when the completion is the expected one exactly, every digit of the sum
 *       and the {@code e} after it (exact match; what AdderBoard counts), else 0.</li>
 *   <li>{@code digit_accuracy}: the share of the sum's digits written right, position by position
 *       in the written order; a digit the completion does not reach counts wrong.</li>
 * </ul>
 */
public final class AdditionScorer implements Scorer {

    public static final String ACCURACY = "accuracy";
    public static final String DIGIT_ACCURACY = "digit_accuracy";

    private static final List<String> METRICS = List.of(ACCURACY, DIGIT_ACCURACY);

    @Override
    public List<String> metrics() {
        return METRICS;
    }

    @Override
    public Map<String, Double> score(EvalItem item, int[] generated) {
        int[] expected = item.expected();
        int sumDigits = expected.length - 1; // the last expected token is e
        int right = 0;
        for (int i = 0; i < sumDigits && i < generated.length; i++) {
            if (generated[i] == expected[i]) {
                right++;
            }
        }
        double exact = Arrays.equals(generated, expected) ? 1.0 : 0.0;
        return Map.of(ACCURACY, exact, DIGIT_ACCURACY, (double) right / sumDigits);
    }
}
