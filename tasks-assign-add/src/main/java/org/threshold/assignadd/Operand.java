package org.threshold.assignadd;

/**
 * One operand of a query: a variable (by its index, {@code a} = 0) or an element (by its value).
 *
 * @param variable whether {@code index} is a variable's index rather than an element's value
 * @param index the variable's index or the element's value
 */
public record Operand(boolean variable, int index) {

    public Operand {
        if (index < 0) {
            throw new IllegalArgumentException("an operand's index is at least 0, got " + index);
        }
    }

    public static Operand variable(int index) {
        return new Operand(true, index);
    }

    public static Operand element(int value) {
        return new Operand(false, value);
    }
}
