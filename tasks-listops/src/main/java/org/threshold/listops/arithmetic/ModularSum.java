package org.threshold.listops.arithmetic;

import org.threshold.listops.expression.Operator;

/** SUM (the paper's ADD), written {@code %}: the sum mod n. */
public final class ModularSum implements Operator {

    private final int modulus;

    public ModularSum(int modulus) {
        this.modulus = Arithmetic.checkModulus(modulus);
    }

    @Override
    public String name() {
        return "SUM";
    }

    @Override
    public String symbol() {
        return "%";
    }

    @Override
    public int evaluate(int[] operands) {
        long sum = 0;
        for (int x : operands) {
            sum += x;
        }
        return (int) (sum % modulus);
    }
}
