package org.threshold.listops.arithmetic;

import org.threshold.listops.expression.Operator;

/** MIN, written {@code -}: the smallest operand. */
public final class Minimum implements Operator {

    @Override
    public String name() {
        return "MIN";
    }

    @Override
    public String symbol() {
        return "-";
    }

    @Override
    public int evaluate(int[] operands) {
        int min = operands[0];
        for (int i = 1; i < operands.length; i++) {
            min = Math.min(min, operands[i]);
        }
        return min;
    }
}
