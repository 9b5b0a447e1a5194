package org.threshold.assignadd;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.threshold.api.task.EvalItem;
import org.threshold.api.task.Scorer;

/**
 * SPEC section 8's scores of one completion:
 * <ul>
 *   <li>{@code accuracy}: 1 when the first token written after the prompt's last {@code =} is the
 *       answer, else 0 (what the study measures);</li>
 *   <li>{@code exact_match}: 1 when the whole completion is the answer and {@code e}.</li>
 * </ul>
 */
public final class AssignAddScorer implements Scorer {

    public static final String ACCURACY = "accuracy";
    public static final String EXACT_MATCH = "exact_match";

    private static final List<String> METRICS = List.of(ACCURACY, EXACT_MATCH);

    @Override
    public List<String> metrics() {
        return METRICS;
    }

    @Override
    public Map<String, Double> score(EvalItem item, int[] generated) {
        int answer = item.expected()[0];
        double accuracy = generated.length > 0 && generated[0] == answer ? 1.0 : 0.0;
        double exact = Arrays.equals(generated, item.expected()) ? 1.0 : 0.0;
        return Map.of(ACCURACY, accuracy, EXACT_MATCH, exact);
    }
}
