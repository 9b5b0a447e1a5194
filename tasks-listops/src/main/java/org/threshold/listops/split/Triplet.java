package org.threshold.listops.split;

/** An ordered operand triplet such as {@code 749}: the operand list of a 3-operand node. */
public record Triplet(int first, int second, int third) {

    /** Position of {@code (a, b, c)} among all {@code n³} triplets in lexicographic order. */
    public static long rank(int a, int b, int c, int n) {
        return ((long) a * n + b) * n + c;
    }

    public static Triplet ofRank(long rank, int n) {
        int c = (int) (rank % n);
        long rest = rank / n;
        return new Triplet((int) (rest / n), (int) (rest % n), c);
    }

    public long rank(int n) {
        return rank(first, second, third, n);
    }

    public int[] operands() {
        return new int[] {first, second, third};
    }
}
