package org.threshold.analysis.probe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.task.EvalItem;
import org.threshold.api.task.EvalSet;
import org.threshold.api.task.Task;

/**
 * The token sequences a probe feeds a model: the first {@code count} items of one of the task's
 * test sets, each either the whole test equation (prompt followed by its correct completion, what
 * the model reads when it answers right) or the prompt alone, cut to the task's context.
 *
 * @param evalSet the test set's name ("" for the headline set, "SUM" for the per-operator set)
 * @param count at most this many items
 * @param equation true: prompt and expected completion; false: the prompt alone
 */
public record TestSequences(String evalSet, int count, boolean equation) {

    public static final List<String> KINDS = List.of("equation", "prompt");

    static TestSequences bind(ConfigSection s, int defaultCount) {
        return new TestSequences(s.text("eval_set", ""), s.integer("prompts", defaultCount, 1, 1_000_000),
                s.choice("sequence", "equation", KINDS).equals("equation"));
    }

    /** The sequences from {@code task}'s set; the set must exist. */
    List<int[]> from(Task task, String probe) {
        EvalSet set = task.evalSets().stream().filter(e -> e.name().equals(evalSet)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(probe + ": eval_set: the task has no test set named '" + evalSet
                        + "'; its sets are " + String.join(", ", task.evalSets().stream()
                        .map(e -> e.name().isEmpty() ? "\"\" (headline)" : e.name()).toList())));
        List<int[]> out = new ArrayList<>();
        int context = task.contextLength();
        for (EvalItem item : set.items()) {
            if (out.size() == count) {
                break;
            }
            int[] tokens = item.prompt();
            if (equation) {
                tokens = Arrays.copyOf(tokens, tokens.length + item.expected().length);
                System.arraycopy(item.expected(), 0, tokens, item.prompt().length, item.expected().length);
            }
            if (tokens.length > context) {
                tokens = Arrays.copyOf(tokens, context);
            }
            out.add(tokens);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(probe + ": eval_set: the test set '" + evalSet + "' has no items");
        }
        return out;
    }

    String describe() {
        return (evalSet.isEmpty() ? "headline" : evalSet) + " test set, " + (equation ? "whole equations" : "prompts");
    }
}
