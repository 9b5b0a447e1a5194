package org.threshold.listops.task;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.threshold.api.task.EvalItem;
import org.threshold.api.task.Scorer;
import org.threshold.listops.expression.Notation;

/**
 * SPEC section 1's scores for nested-expression equations:
 * <ul>
 *   <li>{@code accuracy}: 1 when the first token after the first {@code =} of prompt and
 *       completion is the answer (the token after the first {@code =} of the expected
 *       equation), else 0. With the chain of thought the model writes its own steps first; a
 *       wrong step that still reaches the right answer counts.</li>
 *   <li>{@code exact_match}: 1 when the whole completion, stop token included, is the expected one.</li>
 * </ul>
 */
public final class AnswerScorer implements Scorer {

    public static final String ACCURACY = "accuracy";
    public static final String EXACT_MATCH = "exact_match";

    private static final List<String> METRICS = List.of(ACCURACY, EXACT_MATCH);

    @Override
    public List<String> metrics() {
        return METRICS;
    }

    @Override
    public Map<String, Double> score(EvalItem item, int[] generated) {
        int answer = answer(item).orElseThrow(() -> new IllegalArgumentException(
                "the expected completion " + Arrays.toString(item.expected()) + " has no token after an '='"));
        OptionalInt written = tokenAfterFirstEquals(item.prompt(), generated);
        double accuracy = written.isPresent() && written.getAsInt() == answer ? 1.0 : 0.0;
        double exact = Arrays.equals(generated, item.expected()) ? 1.0 : 0.0;
        return Map.of(ACCURACY, accuracy, EXACT_MATCH, exact);
    }

    /** The answer token of an item: the token after the first {@code =} of its prompt and expected completion. */
    public static OptionalInt answer(EvalItem item) {
        return tokenAfterFirstEquals(item.prompt(), item.expected());
    }

    /** The token after the first {@code =} of {@code prompt} followed by {@code completion}, if there is one. */
    public static OptionalInt tokenAfterFirstEquals(int[] prompt, int[] completion) {
        int total = prompt.length + completion.length;
        for (int i = 0; i + 1 < total; i++) {
            int t = i < prompt.length ? prompt[i] : completion[i - prompt.length];
            if (t == Notation.EQUALS) {
                int next = i + 1 < prompt.length ? prompt[i + 1] : completion[i + 1 - prompt.length];
                return OptionalInt.of(next);
            }
        }
        return OptionalInt.empty();
    }
}
