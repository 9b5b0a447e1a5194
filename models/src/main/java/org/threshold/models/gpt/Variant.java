package org.threshold.models.gpt;

import java.util.Arrays;
import java.util.List;

/**
 * How the transformer blocks are arranged (SPEC section 5).
 */
public enum Variant {

    /** {@code layers} distinct blocks, each with its own parameters. */
    STANDARD("standard"),

    /** One block applied {@code layers} times: the paper's main model, parameters shared across depth. */
    RECURRENT("recurrent");

    private final String word;

    Variant(String word) {
        this.word = word;
    }

    /** The word a config uses ({@code variant: recurrent}). */
    public String word() {
        return word;
    }

    /** The config words, in declaration order. */
    public static List<String> words() {
        return Arrays.stream(values()).map(Variant::word).toList();
    }

    public static Variant of(String word) {
        for (Variant v : values()) {
            if (v.word.equals(word)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown model variant '" + word + "', expected one of " + words());
    }

    /** How many distinct blocks hold parameters for a model of {@code layers} layers. */
    public int distinctBlocks(int layers) {
        return this == RECURRENT ? 1 : layers;
    }
}
