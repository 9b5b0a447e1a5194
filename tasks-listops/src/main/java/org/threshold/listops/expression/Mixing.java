package org.threshold.listops.expression;

/** How the operators of a mixture meet in one expression (SPEC section 2). */
public enum Mixing {

    /** Each node's operator is drawn independently, so one expression may mix operators (the paper's MAX+MED+SUM). */
    WITHIN("within"),

    /** All nodes of one expression share one operator (section 3.1's curriculum never shows mixed expressions). */
    PER_EXPRESSION("per-expression");

    private final String word;

    Mixing(String word) {
        this.word = word;
    }

    /** The word a config uses. */
    public String word() {
        return word;
    }

    public static Mixing fromWord(String word) {
        for (Mixing m : values()) {
            if (m.word.equals(word)) {
                return m;
            }
        }
        throw new IllegalArgumentException("mixing is 'within' or 'per-expression', got '" + word + "'");
    }
}
