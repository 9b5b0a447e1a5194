package org.threshold.listops.expression;

/**
 * An n-ary operator of an algebra: a name (used in configs and metric names, e.g. {@code SUM},
 * {@code OP_TOP}) and a one-token symbol (e.g. {@code %}, {@code ^}) written after the opening
 * parenthesis, as in {@code (%12)}.
 *
 * <p>Implementations must be pure: the value depends on the operands alone. They must not keep
 * or change the operand array, which the caller reuses. Operators of one notation are told apart
 * by identity, so a family creates each operator once.
 */
public interface Operator {

    /** The name a config uses, e.g. {@code MAX}; unique within a notation. */
    String name();

    /** The symbol token, e.g. {@code +}; unique within a notation and never an element or structure token. */
    String symbol();

    /**
     * The value of this operator applied to {@code operands} (left to right).
     *
     * @param operands at least one element of the algebra, each in {@code 0..n-1}; not to be
     *     changed or kept
     * @return an element of the algebra
     */
    int evaluate(int[] operands);
}
