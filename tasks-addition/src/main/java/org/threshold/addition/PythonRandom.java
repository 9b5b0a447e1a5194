package org.threshold.addition;

import java.math.BigInteger;

/**
 * Python's {@code random.Random} for integer seeds and integer draws, bit for bit (CPython 3.2 and
 * later, {@code _randommodule.c} and {@code random.py}): the same seed gives
 * the same numbers as {@code random.Random(seed)}, so that AdderBoard's 10,010 cases, which its
 * verify.py draws from {@code random.Random(2025)}, are generated here rather than read from a
 * file. Only what that needs: {@code getrandbits}, {@code randrange}'s rejection sampling and
 * {@code randint}, for values below 2^63.
 *
 * <pre>{@code
 * PythonRandom rng = PythonRandom.seeded(2025);
 * long a = rng.randint(0, 9_999_999_999L);   // 2395527356, as Python's rng.randint(0, 9_999_999_999)
 * }</pre>
 */
final class PythonRandom {

    private final Mt19937 generator;

    private PythonRandom(Mt19937 generator) {
        this.generator = generator;
    }

    /**
     * {@code random.Random(seed)}: {@code init_by_array} with the 32-bit words of |seed|, least
     * significant first (one word 0 for seed 0), as {@code random_seed} builds its key.
     */
    static PythonRandom seeded(long seed) {
        BigInteger n = BigInteger.valueOf(seed).abs();
        int words = Math.max(1, (n.bitLength() + 31) / 32);
        int[] key = new int[words];
        for (int i = 0; i < words; i++) {
            key[i] = n.shiftRight(32 * i).intValue();
        }
        return new PythonRandom(Mt19937.byArray(key));
    }

    /**
     * {@code getrandbits(k)}: k random bits. Up to 32 bits are the top k bits of one word; more
     * take whole words, least significant first, and the top bits of the last.
     *
     * @param bits 0 to 63
     */
    long getrandbits(int bits) {
        if (bits < 0 || bits > 63) {
            throw new IllegalArgumentException("getrandbits takes 0 to 63 bits here, got " + bits);
        }
        if (bits == 0) {
            return 0;
        }
        long value = 0;
        int shift = 0;
        for (int left = bits; left > 0; left -= 32) {
            long word = Integer.toUnsignedLong(generator.nextWord());
            if (left < 32) {
                word >>>= 32 - left; // drop the least significant bits
            }
            value |= word << shift;
            shift += 32;
        }
        return value;
    }

    /**
     * {@code _randbelow(n)}: draws of {@code n.bit_length()} bits until one is below n; uniform
     * on 0..n-1.
     */
    long randbelow(long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("randbelow needs n > 0, got " + n);
        }
        int bits = 64 - Long.numberOfLeadingZeros(n);
        long r = getrandbits(bits);
        while (r >= n) {
            r = getrandbits(bits);
        }
        return r;
    }

    /** {@code randint(a, b)}: {@code a + randbelow(b - a + 1)}, uniform on a..b inclusive. */
    long randint(long a, long b) {
        if (b < a) {
            throw new IllegalArgumentException("randint needs a <= b, got " + a + " > " + b);
        }
        long width = Math.addExact(Math.subtractExact(b, a), 1);
        return a + randbelow(width);
    }
}
