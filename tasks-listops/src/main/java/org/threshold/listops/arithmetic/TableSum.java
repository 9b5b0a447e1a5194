package org.threshold.listops.arithmetic;

import org.threshold.listops.expression.Operator;

/**
 * SSUM, written {@code &}: the operands folded left to right through a {@link SumTable}:
 * {@code t(t(a, b), c)}. A single operand is its own value. With the shuffled table this is the
 * paper's shuffled SUM (appendix K); the table is commutative but, as the paper notes, not
 * associative, so the fold order matters.
 */
public final class TableSum implements Operator {

    private final SumTable table;

    public TableSum(SumTable table) {
        this.table = table;
    }

    public SumTable table() {
        return table;
    }

    @Override
    public String name() {
        return "SSUM";
    }

    @Override
    public String symbol() {
        return "&";
    }

    @Override
    public int evaluate(int[] operands) {
        int value = operands[0];
        for (int i = 1; i < operands.length; i++) {
            value = table.get(value, operands[i]);
        }
        return value;
    }
}
