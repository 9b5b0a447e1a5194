package org.threshold.permutation;

import java.util.List;

/**
 * The config key {@code mode}: nested expressions (the default) or appendix C's triplets, with the
 * same words as ListOps' {@code mode}.
 */
public enum PermutationMode {

    EXPRESSIONS("expressions"),
    TRIPLETS("triplets");

    private final String word;

    PermutationMode(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static List<String> words() {
        return List.of(EXPRESSIONS.word, TRIPLETS.word);
    }

    public static PermutationMode fromWord(String word) {
        for (PermutationMode m : values()) {
            if (m.word.equals(word)) {
                return m;
            }
        }
        throw new IllegalArgumentException("mode is expressions or triplets, got '" + word + "'");
    }
}
