package org.threshold.listops.task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.threshold.api.task.EvalItem;

/**
 * The chance level of a test set: the share of its most frequent answer, what a model that always
 * writes that answer scores (SPEC section 3: "above chance" means above this, e.g. 1/6 and not 1/36
 * when a set's answers take only 6 values).
 */
public final class ChanceLevel {

    private ChanceLevel() {
    }

    /** The share of the most frequent answer among the items; 0 for no items. */
    public static double of(List<EvalItem> items) {
        if (items.isEmpty()) {
            return 0;
        }
        Map<Integer, Integer> counts = new HashMap<>();
        int most = 0;
        for (EvalItem item : items) {
            OptionalInt answer = AnswerScorer.answer(item);
            if (answer.isPresent()) {
                most = Math.max(most, counts.merge(answer.getAsInt(), 1, Integer::sum));
            }
        }
        return most / (double) items.size();
    }
}
