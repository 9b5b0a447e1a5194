package org.threshold.permutation;

import org.threshold.api.config.Choice;

/**
 * The config key {@code mode}: nested expressions (the default) or appendix C's triplets, with the
 * same words as ListOps' {@code mode}.
 */
public enum PermutationMode implements Choice {

    EXPRESSIONS("expressions"),
    TRIPLETS("triplets");

    private final String word;

    PermutationMode(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }
}
