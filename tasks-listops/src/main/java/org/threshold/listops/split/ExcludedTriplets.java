package org.threshold.listops.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The exclusion set of section 2: ordered operand triplets that no training equation contains
 * and every test equation contains at least once (e.g. 100 of the 1,000 triplets for n=10).
 *
 * <p>Chosen uniformly without replacement from a seed and nothing else, so every mixture, every
 * component and triplet mode share the same held-out triplets for one seed and modulus.
 */
public final class ExcludedTriplets {

    /** Above this many triplets (n = 256), membership uses a sorted array instead of a bit per triplet. */
    private static final long BITSET_LIMIT = 1L << 24;

    private final int n;
    private final List<Triplet> triplets;
    private final BitSet bits;
    private final long[] sortedRanks;

    private ExcludedTriplets(int n, List<Triplet> triplets) {
        this.n = n;
        this.triplets = List.copyOf(triplets);
        long total = count(n);
        long[] ranks = new long[triplets.size()];
        for (int i = 0; i < ranks.length; i++) {
            Triplet t = triplets.get(i);
            if (t.first() < 0 || t.first() >= n || t.second() < 0 || t.second() >= n || t.third() < 0 || t.third() >= n) {
                throw new IllegalArgumentException(t + " has an element outside 0.." + (n - 1));
            }
            ranks[i] = t.rank(n);
        }
        Arrays.sort(ranks);
        for (int i = 1; i < ranks.length; i++) {
            if (ranks[i] == ranks[i - 1]) {
                throw new IllegalArgumentException(Triplet.ofRank(ranks[i], n) + " is excluded twice");
            }
        }
        if (total <= BITSET_LIMIT) {
            bits = new BitSet((int) total);
            for (long r : ranks) {
                bits.set((int) r);
            }
        } else {
            bits = null;
        }
        this.sortedRanks = ranks;
    }

    /** The number of ordered triplets of an algebra of {@code n} elements: n³. */
    public static long count(int n) {
        return (long) n * n * n;
    }

    /** SPEC section 2's default size of the exclusion set: min(100, ⌊0.1·n³⌋). */
    public static int defaultCount(int n) {
        return (int) Math.min(100, count(n) / 10);
    }

    /**
     * {@code count} distinct triplets drawn uniformly from a seed (Floyd's algorithm, so the cost
     * does not grow with n³).
     */
    public static ExcludedTriplets choose(int n, int count, long seed) {
        long total = count(n);
        if (count < 0 || count > total) {
            throw new IllegalArgumentException("modulus " + n + " has " + total + " ordered triplets; cannot exclude " + count);
        }
        SplittableRandom random = new SplittableRandom(seed);
        Set<Long> chosen = new HashSet<>();
        List<Triplet> inOrder = new ArrayList<>(count);
        for (long j = total - count; j < total; j++) {
            long r = random.nextLong(j + 1);
            long pick = chosen.add(r) ? r : j;
            if (pick == j) {
                chosen.add(j);
            }
            inOrder.add(Triplet.ofRank(pick, n));
        }
        return new ExcludedTriplets(n, inOrder);
    }

    /** A given exclusion set, e.g. for a test. */
    public static ExcludedTriplets of(int n, List<Triplet> triplets) {
        return new ExcludedTriplets(n, triplets);
    }

    /** The modulus (number of elements). */
    public int modulus() {
        return n;
    }

    public int size() {
        return triplets.size();
    }

    /** The triplets in the order they were chosen. */
    public List<Triplet> triplets() {
        return triplets;
    }

    public Triplet get(int index) {
        return triplets.get(index);
    }

    public boolean contains(int a, int b, int c) {
        long r = Triplet.rank(a, b, c, n);
        return bits != null ? bits.get((int) r) : Arrays.binarySearch(sortedRanks, r) >= 0;
    }

    public boolean contains(Triplet t) {
        return contains(t.first(), t.second(), t.third());
    }

    /** Whether an operand list is an excluded triplet (only 3-operand lists can be). */
    public boolean containsOperands(int[] operands) {
        return operands.length == 3 && contains(operands[0], operands[1], operands[2]);
    }

    @Override
    public String toString() {
        return triplets.size() + " excluded triplets of " + count(n);
    }
}
