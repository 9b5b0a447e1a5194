package org.threshold.assignadd;

/**
 * One assignment of an example: {@code a=3} (a variable bound to an element) or {@code b=a} (a
 * variable bound to another variable bound earlier, which binds it that variable's resolved value).
 *
 * @param variable the bound variable's index ({@code a} = 0)
 * @param target what it is bound to: an element or an earlier variable
 */
public record Binding(int variable, Operand target) {

    public Binding {
        if (variable < 0) {
            throw new IllegalArgumentException("a variable's index is at least 0, got " + variable);
        }
        if (target.variable() && target.index() == variable) {
            throw new IllegalArgumentException("a variable cannot be bound to itself");
        }
    }

    public static Binding toValue(int variable, int value) {
        return new Binding(variable, Operand.element(value));
    }

    public static Binding toVariable(int variable, int source) {
        return new Binding(variable, Operand.variable(source));
    }

    /** Whether the variable is bound to another variable (a chain's second hop). */
    public boolean chained() {
        return target.variable();
    }
}
