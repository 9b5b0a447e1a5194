package org.threshold.listops.arithmetic;

import java.util.Arrays;
import org.threshold.listops.expression.Operator;

/**
 * MED, written {@code /}: the median; for an even count the lower median (SPEC section 2), so the
 * value is always an element: {@code (/38)} is 3.
 */
public final class Median implements Operator {

    @Override
    public String name() {
        return "MED";
    }

    @Override
    public String symbol() {
        return "/";
    }

    @Override
    public int evaluate(int[] operands) {
        if (operands.length == 3) { // the common case, without copying
            int a = operands[0];
            int b = operands[1];
            int c = operands[2];
            return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
        }
        int[] sorted = operands.clone();
        Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }
}
