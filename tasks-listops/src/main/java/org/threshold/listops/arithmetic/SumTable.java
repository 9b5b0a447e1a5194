package org.threshold.listops.arithmetic;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A commutative table {@code t(a, b) = t(b, a)} over {@code 0..n-1}, the SSUM operator's "sum"
 * (appendix K, SPEC section 2).
 *
 * <ul>
 *   <li>{@link #trueSums(int)}: {@code (a + b) mod n}.</li>
 *   <li>{@link #shuffled(int, long)}: the values {@code (i + j) mod n} of the upper-triangle cells
 *       {@code i < j} are shuffled among those cells, the diagonal values {@code 2i mod n} among
 *       the diagonal cells separately, and the result mirrored. Off-diagonal values occur twice
 *       in the table and diagonal values once, so shuffling them separately keeps the value
 *       distribution of the true table (uniform) while erasing number structure.</li>
 *   <li>{@link #random(int, long)}: every upper-triangle and diagonal cell an independent uniform
 *       value, mirrored, so the table stays commutative like a sum while its value counts are
 *       uneven (appendix G: such tables are easy to learn).</li>
 * </ul>
 */
public final class SumTable {

    private final int n;
    private final int[] cells;

    private SumTable(int n, int[] cells) {
        this.n = n;
        this.cells = cells;
    }

    /** The true sum table mod n. */
    public static SumTable trueSums(int n) {
        Arithmetic.checkModulus(n);
        int[] cells = new int[n * n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                cells[a * n + b] = (a + b) % n;
            }
        }
        return new SumTable(n, cells);
    }

    /** Appendix K's shuffled sum table, from a seed. */
    public static SumTable shuffled(int n, long seed) {
        Arithmetic.checkModulus(n);
        SplittableRandom random = new SplittableRandom(seed);
        int upper = n * (n - 1) / 2;
        int[] upperValues = new int[upper];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                upperValues[k++] = (i + j) % n;
            }
        }
        int[] diagonalValues = new int[n];
        for (int i = 0; i < n; i++) {
            diagonalValues[i] = 2 * i % n;
        }
        shuffle(upperValues, random);
        shuffle(diagonalValues, random);
        return mirrored(n, upperValues, diagonalValues);
    }

    /** A table of independent uniform values, mirrored to stay commutative, from a seed. */
    public static SumTable random(int n, long seed) {
        Arithmetic.checkModulus(n);
        SplittableRandom random = new SplittableRandom(seed);
        int[] upperValues = new int[n * (n - 1) / 2];
        for (int i = 0; i < upperValues.length; i++) {
            upperValues[i] = random.nextInt(n);
        }
        int[] diagonalValues = new int[n];
        for (int i = 0; i < n; i++) {
            diagonalValues[i] = random.nextInt(n);
        }
        return mirrored(n, upperValues, diagonalValues);
    }

    private static SumTable mirrored(int n, int[] upperValues, int[] diagonalValues) {
        int[] cells = new int[n * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            cells[i * n + i] = diagonalValues[i];
            for (int j = i + 1; j < n; j++) {
                cells[i * n + j] = upperValues[k];
                cells[j * n + i] = upperValues[k];
                k++;
            }
        }
        return new SumTable(n, cells);
    }

    /** Fisher–Yates. */
    private static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    public int modulus() {
        return n;
    }

    public int get(int a, int b) {
        return cells[a * n + b];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SumTable t && t.n == n && Arrays.equals(t.cells, cells);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(cells);
    }

    @Override
    public String toString() {
        return "SumTable mod " + n;
    }
}
