package org.threshold.analysis.probe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The (x, y) pairs the component-reuse probe asks, each with its donor (x', y'), a pair whose sum
 * differs mod n (SPEC section 8): every one of the n² pairs, or a seeded sample of distinct pairs;
 * donors uniform among the pairs of another sum, from the same seed.
 *
 * @param modulus n
 * @param pairs {@code {x, y}} in order: row-major when all, drawn order when sampled
 * @param donors {@code {x', y'}} of each pair, x' + y' ≢ x + y (mod n)
 */
record SumPairs(int modulus, List<int[]> pairs, List<int[]> donors) {

    SumPairs {
        pairs = List.copyOf(pairs);
        donors = List.copyOf(donors);
    }

    /**
     * @param count how many pairs; 0, or n² or more, for all n²
     * @param seed the sample's and donors' seed
     */
    static SumPairs draw(int modulus, int count, long seed) {
        if (modulus < 2) {
            throw new IllegalArgumentException("a donor needs another sum, so the modulus is at least 2, got " + modulus);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        long all = (long) modulus * modulus;
        List<int[]> pairs = new ArrayList<>();
        if (count <= 0 || count >= all) {
            for (int x = 0; x < modulus; x++) {
                for (int y = 0; y < modulus; y++) {
                    pairs.add(new int[] {x, y});
                }
            }
        } else {
            // a partial Fisher–Yates over the pair indices: distinct pairs without listing all n²
            Map<Long, Long> swapped = new HashMap<>();
            for (int i = 0; i < count; i++) {
                long j = i + rng.nextLong(all - i);
                long picked = swapped.getOrDefault(j, j);
                swapped.put(j, swapped.getOrDefault((long) i, (long) i));
                pairs.add(new int[] {(int) (picked / modulus), (int) (picked % modulus)});
            }
        }
        List<int[]> donors = new ArrayList<>(pairs.size());
        for (int[] p : pairs) {
            int sum = (p[0] + p[1]) % modulus;
            int x;
            int y;
            do {
                x = rng.nextInt(modulus);
                y = rng.nextInt(modulus);
            } while ((x + y) % modulus == sum);
            donors.add(new int[] {x, y});
        }
        return new SumPairs(modulus, pairs, donors);
    }

    int size() {
        return pairs.size();
    }
}
