package org.threshold.listops.arithmetic;

import org.threshold.listops.expression.Operator;

/** NADD, written {@code ~}: x0 − x1 + x2 − … mod n, always in 0..n-1 (never negative). */
public final class AlternatingSum implements Operator {

    private final int modulus;

    public AlternatingSum(int modulus) {
        this.modulus = Arithmetic.checkModulus(modulus);
    }

    @Override
    public String name() {
        return "NADD";
    }

    @Override
    public String symbol() {
        return "~";
    }

    @Override
    public int evaluate(int[] operands) {
        long sum = 0;
        for (int i = 0; i < operands.length; i++) {
            sum += (i % 2 == 0) ? operands[i] : -operands[i];
        }
        return (int) Math.floorMod(sum, (long) modulus);
    }
}
