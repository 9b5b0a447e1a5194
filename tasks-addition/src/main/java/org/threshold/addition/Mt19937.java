package org.threshold.addition;

/**
 * The Mersenne Twister MT19937 of Matsumoto and Nishimura (mt19937ar.c, 2002), the generator
 * behind Python's {@code random} module: its 624-word state, {@code init_genrand},
 * {@code init_by_array} and {@code genrand_int32}, word for word. Python's seeding and integer
 * draws on top of it are {@link PythonRandom}'s.
 *
 * <p>Java has no unsigned int: the state is kept in {@code int}s, which wrap exactly as the C
 * code's {@code uint32_t} does for +, * and ^, and shifted with {@code >>>}.
 */
final class Mt19937 {

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] mt = new int[N];
    private int mti;

    private Mt19937() {
    }

    /** The generator {@code init_by_array(key)} leaves, as Python's {@code seed()} calls it. */
    static Mt19937 byArray(int[] key) {
        if (key.length == 0) {
            throw new IllegalArgumentException("init_by_array needs at least one key word");
        }
        Mt19937 g = new Mt19937();
        g.initGenrand(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            int previous = g.mt[i - 1] ^ (g.mt[i - 1] >>> 30);
            g.mt[i] = (g.mt[i] ^ (previous * 1664525)) + key[j] + j; // non linear
            i++;
            j++;
            if (i >= N) {
                g.mt[0] = g.mt[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            int previous = g.mt[i - 1] ^ (g.mt[i - 1] >>> 30);
            g.mt[i] = (g.mt[i] ^ (previous * 1566083941)) - i; // non linear
            i++;
            if (i >= N) {
                g.mt[0] = g.mt[N - 1];
                i = 1;
            }
        }
        g.mt[0] = 0x80000000; // MSB is 1, assuring a non-zero initial array
        return g;
    }

    private void initGenrand(int seed) {
        mt[0] = seed;
        for (mti = 1; mti < N; mti++) {
            mt[mti] = 1812433253 * (mt[mti - 1] ^ (mt[mti - 1] >>> 30)) + mti;
        }
    }

    /** {@code genrand_int32}: the next 32-bit word, as the int with the same bits. */
    int nextWord() {
        if (mti >= N) {
            twist();
        }
        int y = mt[mti++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    private void twist() {
        int kk = 0;
        for (; kk < N - M; kk++) {
            int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
        }
        for (; kk < N - 1; kk++) {
            int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
        }
        int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
        mti = 0;
    }
}
