package org.threshold.listops.expression;

import org.threshold.api.config.Choice;

/** How the operators of a mixture meet in one expression (SPEC section 2). */
public enum Mixing implements Choice {

    /** Each node's operator is drawn independently, so one expression may mix operators (the paper's MAX+MED+SUM). */
    WITHIN("within"),

    /** All nodes of one expression share one operator (section 3.1's curriculum never shows mixed expressions). */
    PER_EXPRESSION("per-expression");

    private final String word;

    Mixing(String word) {
        this.word = word;
    }

    /** The word a config uses. */
    @Override
    public String word() {
        return word;
    }
}
