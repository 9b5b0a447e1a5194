package org.threshold.listops.arithmetic;

import org.threshold.listops.expression.Operator;

/** MAX, written {@code +}: the largest operand. */
public final class Maximum implements Operator {

    @Override
    public String name() {
        return "MAX";
    }

    @Override
    public String symbol() {
        return "+";
    }

    @Override
    public int evaluate(int[] operands) {
        int max = operands[0];
        for (int i = 1; i < operands.length; i++) {
            max = Math.max(max, operands[i]);
        }
        return max;
    }
}
