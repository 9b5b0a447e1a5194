package org.threshold.assignadd;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Draws a set of distinct examples from a generator, leaving out prompts another set holds. A set
 * that cannot be filled within 100 draws per example (SPEC section 2's budget) is refused, naming
 * the key that sized it: the space of examples is smaller than the sizes ask.
 */
final class DistinctPrograms {

    static final int DRAWS_PER_EXAMPLE = 100;

    private DistinctPrograms() {
    }

    /**
     * @param what the set's name, for the message
     * @param key the config key that sized the set
     * @param size how many distinct examples
     * @param draw one example from the stream
     * @param excluded prompts ({@link #key(int[])}) the set must not hold
     * @param prompt a program's prompt tokens
     */
    static List<Program> draw(String what, String key, int size, SplittableRandom rng, Function<SplittableRandom, Program> draw,
                              Set<String> excluded, Function<Program, int[]> prompt) {
        List<Program> out = new ArrayList<>(size);
        Set<String> seen = new HashSet<>();
        long budget = (long) DRAWS_PER_EXAMPLE * size;
        long draws = 0;
        while (out.size() < size) {
            if (draws++ >= budget) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: the %s set cannot be filled: %,d draws gave "
                        + "%,d distinct examples of the %,d asked for; lower %s, or widen the space (modulus, variables, "
                        + "bindings)", key, what, budget, out.size(), size, key));
            }
            Program p = draw.apply(rng);
            String k = key(prompt.apply(p));
            if (!excluded.contains(k) && seen.add(k)) {
                out.add(p);
            }
        }
        return out;
    }

    /** A prompt as a set key: one char per token id (ids are below 65,536). */
    static String key(int[] tokens) {
        StringBuilder s = new StringBuilder(tokens.length);
        for (int t : tokens) {
            s.append((char) t);
        }
        return s.toString();
    }
}
