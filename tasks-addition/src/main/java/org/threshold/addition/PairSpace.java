package org.threshold.addition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The ordered pairs of operands of at most {@code length} digits, both uniform in
 * [0, 10^length − 1]: the data of one length component, and the space the test pairs are drawn
 * from.
 */
final class PairSpace {

    // below this many pairs a space is listed and shuffled rather than sampled with rejection
    private static final long LISTED = 1 << 22;

    private final int length;
    private final long limit;

    PairSpace(int length) {
        if (length < 1 || length > 18) {
            throw new IllegalArgumentException("an operand length is 1 to 18 digits, got " + length);
        }
        this.length = length;
        this.limit = Powers.ten(length);
    }

    int length() {
        return length;
    }

    /** 10^(2·length), or {@link Long#MAX_VALUE} when that does not fit a long. */
    long size() {
        return Powers.pairs(length);
    }

    boolean contains(Operands pair) {
        return pair.a() < limit && pair.b() < limit;
    }

    /** One pair, both operands uniform. */
    Operands random(SplittableRandom rng) {
        long a = rng.nextLong(limit);
        long b = rng.nextLong(limit);
        return new Operands(a, b);
    }

    /** How many of {@code pairs} lie in this space. */
    long countIn(Set<Operands> pairs) {
        return pairs.stream().filter(this::contains).count();
    }

    /**
     * {@code count} distinct pairs of this space outside {@code excluded}, in a random order.
     *
     * @throws IllegalArgumentException when the space has fewer such pairs
     */
    List<Operands> distinct(SplittableRandom rng, int count, Set<Operands> excluded) {
        long available = size() == Long.MAX_VALUE ? Long.MAX_VALUE : size() - countIn(excluded);
        if (count > available) {
            throw new IllegalArgumentException(count + " distinct pairs of " + length + "-digit operands are asked for, but only "
                    + available + " are not held out");
        }
        if (size() <= LISTED && count > size() / 4) {
            return shuffledPrefix(rng, count, excluded);
        }
        Set<Operands> out = new LinkedHashSet<>();
        while (out.size() < count) {
            Operands p = random(rng);
            if (!excluded.contains(p)) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    // every pair but the excluded, in a random order (Fisher-Yates over the first count places)
    private List<Operands> shuffledPrefix(SplittableRandom rng, int count, Set<Operands> excluded) {
        List<Operands> all = new ArrayList<>();
        for (long a = 0; a < limit; a++) {
            for (long b = 0; b < limit; b++) {
                Operands p = new Operands(a, b);
                if (!excluded.contains(p)) {
                    all.add(p);
                }
            }
        }
        for (int i = 0; i < count; i++) {
            int j = i + rng.nextInt(all.size() - i);
            Operands t = all.get(i);
            all.set(i, all.get(j));
            all.set(j, t);
        }
        return List.copyOf(all.subList(0, count));
    }
}
