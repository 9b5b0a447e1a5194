package org.threshold.translation;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Distinct uniform draws from 0..n-1, one at a time: a Fisher–Yates shuffle that stores only the
 * positions it has swapped, so it works for spaces far larger than memory. The first k draws are
 * a uniform random k-subset in random order, and they do not depend on how many draws follow:
 * the first 10 of a stream are the first 10 whichever count is asked for later.
 */
final class PartialShuffle {

    private final long n;
    private final SplittableRandom random;
    private final Map<Long, Long> swapped = new HashMap<>();
    private long drawn;

    PartialShuffle(long n, SplittableRandom random) {
        if (n < 0) {
            throw new IllegalArgumentException("cannot shuffle " + n + " elements");
        }
        this.n = n;
        this.random = random;
    }

    /** Elements not yet drawn. */
    long remaining() {
        return n - drawn;
    }

    long next() {
        if (drawn >= n) {
            throw new IllegalStateException("all " + n + " elements have been drawn");
        }
        long j = drawn + random.nextLong(n - drawn);
        long atJ = swapped.getOrDefault(j, j);
        long atI = swapped.getOrDefault(drawn, drawn);
        swapped.put(j, atI);
        swapped.remove(drawn);
        drawn++;
        return atJ;
    }
}
