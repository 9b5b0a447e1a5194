package org.threshold.translation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.threshold.api.task.EvalItem;

/**
 * What a test prompt gives away: the score of a model that knows no mapping at all and copies,
 * for each query token, the translation shown for that token in the prompt's solved instances
 * (wrong where the prompt does not show one). A solved instance shows L of the m token pairs of
 * its edge, so with m=8, L=4 and one whole instance in view such a copier scores about 0.5 on
 * any edge, trained or not: a score near this figure may be in-context copying rather than
 * knowledge of the mapping. (SPEC section 4 measured 0.000 on an untrained A->C with this
 * protocol, so trained models did not copy there.)
 */
final class ContextCopy {

    private ContextCopy() {
    }

    /**
     * The copier's answer: for each query token, the token written after the same position of a
     * visible solved instance with that source token, else -1.
     *
     * @param prompt solved instances (the first possibly cut), then the query and {@code dot}
     */
    static int[] answer(int[] prompt, int length, int dot) {
        int queryStart = prompt.length - length - 1;
        Map<Integer, Integer> shown = new HashMap<>();
        for (int d = 0; d < queryStart; d++) {
            if (prompt[d] != dot) {
                continue;
            }
            for (int j = 0; j < length; j++) {
                int source = d - length + j;
                int target = d + 1 + j;
                if (source >= 0 && target < queryStart) {
                    shown.put(prompt[source], prompt[target]);
                }
            }
        }
        int[] out = new int[length];
        for (int i = 0; i < length; i++) {
            out[i] = shown.getOrDefault(prompt[queryStart + i], -1);
        }
        return out;
    }

    /** The copier's mean score over a test set. */
    static double meanScore(List<EvalItem> items, PositionalScore score, int dot) {
        if (items.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (EvalItem item : items) {
            int[] expected = item.expected();
            sum += score.forPositionsRight(PositionalScore.positionsRight(expected, answer(item.prompt(), expected.length, dot)));
        }
        return sum / items.size();
    }
}
