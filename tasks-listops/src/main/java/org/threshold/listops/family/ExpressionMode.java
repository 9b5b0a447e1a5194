package org.threshold.listops.family;

import org.threshold.api.config.Choice;

/**
 * The config key {@code mode} of every nested-expression task: nested expressions (the default)
 * or appendix C's triplets. One enum for all families, so ListOps and the permutation group
 * cannot drift apart in the words they accept.
 */
public enum ExpressionMode implements Choice {

    EXPRESSIONS("expressions"),
    TRIPLETS("triplets");

    private final String word;

    ExpressionMode(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }
}
