package org.threshold.permutation.operators;

import org.threshold.listops.expression.Operator;
import org.threshold.permutation.group.BlockDiagonalGroup;

/**
 * OP, written {@code *}: the group product of the operands from left to right, the matrix
 * product P1·P2·… (SPEC section 3; the paper's OP acting on the whole 6×6 matrix).
 */
public final class GroupProduct implements Operator {

    public static final String NAME = "OP";

    private final BlockDiagonalGroup group;

    public GroupProduct(BlockDiagonalGroup group) {
        this.group = group;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String symbol() {
        return "*";
    }

    @Override
    public int evaluate(int[] operands) {
        int value = operands[0];
        for (int i = 1; i < operands.length; i++) {
            value = group.product(value, operands[i]);
        }
        return value;
    }
}
