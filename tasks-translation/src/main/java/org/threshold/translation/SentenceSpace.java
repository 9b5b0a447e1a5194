package org.threshold.translation;

import java.util.Arrays;

/**
 * All sentences of one language: sequences of {@code length} distinct tokens out of {@code m}
 * (SPEC section 4), m!/(m-L)! of them (1,680 for m=8, L=4; 11,880 for m=12). Sentences are
 * numbered in lexicographic order, so a sentence can be drawn by its index without listing the
 * space, which for larger m would not fit in memory.
 */
public final class SentenceSpace {

    /** Largest space this task handles; indices are longs and counts are exact below it. */
    static final long MAX_SENTENCES = 1L << 62;

    private final int m;
    private final int length;
    private final long size;
    /** blocks[i] = (m-i-1)!/(m-L)!: sentences sharing the first i+1 tokens. */
    private final long[] blocks;

    public SentenceSpace(int m, int length) {
        if (length < 1 || m < length) {
            throw new IllegalArgumentException("sentences of " + length + " distinct tokens need at least that many tokens"
                    + " per language and a length >= 1; m is " + m);
        }
        this.m = m;
        this.length = length;
        this.size = count(m, length);
        if (size < 0) {
            throw new IllegalArgumentException(m + "!/(" + m + "-" + length + ")! sentences are more than this task handles ("
                    + MAX_SENTENCES + "); use a smaller m or sentence length");
        }
        this.blocks = new long[length];
        for (int i = 0; i < length; i++) {
            blocks[i] = fallingFactorial(m - i - 1, length - i - 1);
        }
    }

    /** m!/(m-L)!, or -1 when it exceeds {@link #MAX_SENTENCES}. */
    public static long count(int m, int length) {
        if (length < 0 || m < length) {
            return 0;
        }
        return fallingFactorial(m, length);
    }

    private static long fallingFactorial(int n, int k) {
        long p = 1;
        for (int i = 0; i < k; i++) {
            if (p > MAX_SENTENCES / (n - i)) {
                return -1;
            }
            p *= n - i;
        }
        return p;
    }

    public int m() {
        return m;
    }

    public int length() {
        return length;
    }

    /** Number of sentences, m!/(m-L)!. */
    public long size() {
        return size;
    }

    /** The sentence with this index: token numbers 0..m-1, no repeats. */
    public int[] sentence(long index) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("sentence index " + index + " is outside 0.." + (size - 1));
        }
        boolean[] used = new boolean[m];
        int[] out = new int[length];
        long rest = index;
        for (int i = 0; i < length; i++) {
            int rank = (int) (rest / blocks[i]);
            rest %= blocks[i];
            out[i] = nthUnused(used, rank);
            used[out[i]] = true;
        }
        return out;
    }

    /** The index of a sentence; the inverse of {@link #sentence(long)}. */
    public long index(int[] sentence) {
        if (sentence.length != length) {
            throw new IllegalArgumentException("a sentence has " + length + " tokens, got " + Arrays.toString(sentence));
        }
        boolean[] used = new boolean[m];
        long index = 0;
        for (int i = 0; i < length; i++) {
            int t = sentence[i];
            if (t < 0 || t >= m || used[t]) {
                throw new IllegalArgumentException(Arrays.toString(sentence) + " is not a sentence: tokens are 0.."
                        + (m - 1) + " without repeats");
            }
            int rank = 0;
            for (int u = 0; u < t; u++) {
                if (!used[u]) {
                    rank++;
                }
            }
            index += rank * blocks[i];
            used[t] = true;
        }
        return index;
    }

    private static int nthUnused(boolean[] used, int n) {
        int seen = 0;
        for (int t = 0; t < used.length; t++) {
            if (!used[t]) {
                if (seen == n) {
                    return t;
                }
                seen++;
            }
        }
        throw new IllegalStateException("no unused token number " + n);
    }
}
