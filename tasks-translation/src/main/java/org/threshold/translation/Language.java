package org.threshold.translation;

import java.util.Arrays;
import java.util.Locale;

/**
 * One language: m tokens, written with the language's name in lower case and a number
 * ({@code a0 … a7} for A), each a relabelling of one element of the hidden base set that all
 * languages share (SPEC section 4). Because every language relabels the same base, every mapping
 * between two languages is a bijection and mappings compose.
 *
 * @param name the language's name as configs write it ({@code A}); letters only
 * @param baseOf {@code baseOf[i]} is the base element that token i of this language stands for;
 *     a permutation of 0..m-1, owned by the record
 */
public record Language(String name, int[] baseOf) {

    public Language {
        if (!name.matches("[A-Za-z]+")) {
            throw new IllegalArgumentException("a language name is letters only (tokens are the name in lower case plus a"
                    + " number), found '" + name + "'");
        }
        if (!Mapping.isPermutation(baseOf)) {
            throw new IllegalArgumentException("language " + name + ": " + Arrays.toString(baseOf)
                    + " is not a relabelling of 0.." + (baseOf.length - 1));
        }
        baseOf = baseOf.clone();
    }

    public int m() {
        return baseOf.length;
    }

    /** The text of token {@code i}: {@code a3} for token 3 of A. */
    public String token(int i) {
        if (i < 0 || i >= baseOf.length) {
            throw new IllegalArgumentException("language " + name + " has tokens 0.." + (baseOf.length - 1) + ", not " + i);
        }
        return name.toLowerCase(Locale.ROOT) + i;
    }

    @Override
    public int[] baseOf() {
        return baseOf.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Language l && l.name.equals(name) && Arrays.equals(l.baseOf, baseOf);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(baseOf);
    }

    @Override
    public String toString() {
        return "Language " + name + Arrays.toString(baseOf);
    }
}
