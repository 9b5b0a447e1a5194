package org.threshold.addition;

/**
 * The two numbers of one addition, {@code a + b}.
 *
 * @param a the first operand, &ge; 0
 * @param b the second operand, &ge; 0
 */
public record Operands(long a, long b) {

    public Operands {
        if (a < 0 || b < 0) {
            throw new IllegalArgumentException("operands are >= 0, got " + a + " and " + b);
        }
        if (a > Long.MAX_VALUE - b) {
            throw new IllegalArgumentException(a + " + " + b + " does not fit a long");
        }
    }

    public long sum() {
        return a + b;
    }

    @Override
    public String toString() {
        return a + " + " + b;
    }
}
