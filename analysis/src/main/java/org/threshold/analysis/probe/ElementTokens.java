package org.threshold.analysis.probe;

import java.util.ArrayList;
import java.util.List;
import org.threshold.api.task.Vocabulary;

/**
 * The element tokens of a task's vocabulary, in element order (SPEC section 2's token rules):
 * {@code <0> <1> …} when the vocabulary has {@code <0>}; else {@code 0-9} followed by
 * {@code A-Z} when both are there (n ≤ 36); else {@code A-Z} (A = 0, n ≤ 26); else {@code 0-9}
 * (n ≤ 10). Runs of consecutive tokens from the first are taken. A task with other element
 * tokens names them in the probe's {@code elements} key.
 */
public final class ElementTokens {

    private ElementTokens() {
    }

    /**
     * @param given the probe's {@code elements} key: tokens in element order, or empty to detect them
     * @throws IllegalArgumentException naming the key when a token is missing or none can be detected
     */
    public static int[] of(Vocabulary vocabulary, List<String> given) {
        List<String> tokens = given.isEmpty() ? detect(vocabulary) : given;
        if (tokens.size() < 2) {
            throw new IllegalArgumentException("cannot tell the element tokens of the vocabulary " + vocabulary.tokens()
                    + "; list them in element order in the probe's elements key (e.g. elements: [A, B, C])");
        }
        int[] ids = new int[tokens.size()];
        for (int k = 0; k < ids.length; k++) {
            String token = tokens.get(k);
            if (!vocabulary.contains(token)) {
                throw new IllegalArgumentException("elements: '" + token + "' is not a token of the run's vocabulary "
                        + vocabulary.tokens());
            }
            ids[k] = vocabulary.id(token);
        }
        return ids;
    }

    /** The element tokens by SPEC section 2's rules; empty when the vocabulary follows none of them. */
    static List<String> detect(Vocabulary vocabulary) {
        List<String> bracketed = run(vocabulary, k -> "<" + k + ">", Integer.MAX_VALUE);
        if (!bracketed.isEmpty()) {
            return bracketed;
        }
        List<String> digits = run(vocabulary, k -> Integer.toString(k), 10);
        List<String> letters = run(vocabulary, k -> String.valueOf((char) ('A' + k)), 26);
        if (digits.size() == 10 && !letters.isEmpty()) {
            List<String> both = new ArrayList<>(digits);
            both.addAll(letters);
            return both;
        }
        if (!letters.isEmpty() && digits.isEmpty()) {
            return letters;
        }
        if (!digits.isEmpty() && letters.isEmpty()) {
            return digits;
        }
        return List.of();
    }

    private static List<String> run(Vocabulary vocabulary, java.util.function.IntFunction<String> token, int limit) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < limit && vocabulary.contains(token.apply(k)); k++) {
            out.add(token.apply(k));
        }
        return out;
    }
}
