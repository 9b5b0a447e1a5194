package org.threshold.listops.arithmetic;

import org.threshold.listops.expression.Operator;

/** PROD, written {@code *}: the product mod n. */
public final class ModularProduct implements Operator {

    private final int modulus;

    public ModularProduct(int modulus) {
        this.modulus = Arithmetic.checkModulus(modulus);
    }

    @Override
    public String name() {
        return "PROD";
    }

    @Override
    public String symbol() {
        return "*";
    }

    @Override
    public int evaluate(int[] operands) {
        long product = 1 % modulus;
        for (int x : operands) {
            product = product * x % modulus;
        }
        return (int) product;
    }
}
