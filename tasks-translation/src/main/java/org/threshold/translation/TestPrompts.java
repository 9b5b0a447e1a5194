package org.threshold.translation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.threshold.api.task.EvalItem;

/**
 * In-context test prompts of one edge (SPEC section 4, the authors' protocol): k solved instances
 * of the same edge, on random sentences of its source language other than the query and
 * correctly translated (also for an edge with no training samples, whose mapping the model has
 * to find by composition), then the query sentence and {@code .}; the model writes the L tokens
 * of the translation.
 *
 * <p>Length: the prompt is cut to its last C − L tokens, C the context length, so that the prompt
 * and the L answer tokens together fit in one training window. A training window of C tokens
 * trains the model on reading at most C − 1 tokens; a prompt of the full C tokens would make
 * generation read a position that training never reaches. With the default C = 22 and L = 4 a
 * prompt is 18 tokens: the tail of one instance, one whole instance and the query.
 */
final class TestPrompts {

    private TestPrompts() {
    }

    /** The prompt length for a context of C tokens and sentences of L. */
    static int promptLength(int context, int length) {
        return context - length;
    }

    static List<EvalItem> build(TokenLayout layout, SentenceSpace space, Mapping mapping, long[] queries, int instances,
                                int promptLength, SplittableRandom random) {
        int length = space.length();
        List<EvalItem> items = new ArrayList<>(queries.length);
        for (long query : queries) {
            int[] text = new int[instances * (2 * length + 2) + length + 1];
            int at = 0;
            PartialShuffle demos = new PartialShuffle(space.size(), random);
            for (int d = 0; d < instances; d++) {
                long sentence = demos.next();
                if (sentence == query) {
                    sentence = demos.next();
                }
                int[] instance = layout.instance(mapping, space.sentence(sentence));
                System.arraycopy(instance, 0, text, at, instance.length);
                at += instance.length;
            }
            int[] source = space.sentence(query);
            System.arraycopy(layout.ids(mapping.from(), source), 0, text, at, length);
            text[at + length] = layout.dot();
            int[] prompt = Arrays.copyOfRange(text, Math.max(0, text.length - promptLength), text.length);
            int[] expected = layout.ids(mapping.to(), mapping.translate(source));
            items.add(new EvalItem(prompt, expected, length));
        }
        return items;
    }
}
