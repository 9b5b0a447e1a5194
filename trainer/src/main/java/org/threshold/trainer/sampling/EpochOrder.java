package org.threshold.trainer.sampling;

import java.util.SplittableRandom;

/**
 * The order in which one component's examples are drawn during one epoch: a permutation of
 * {@code 0..size-1}, shuffled deterministically in the run's {@code init_seed}, the component and
 * the epoch, so every epoch sees every example once, in a new order, and a resumed run sees the
 * same order again.
 */
final class EpochOrder {

    private final int epoch;
    private final int[] order;

    EpochOrder(long initSeed, String component, int epoch, int size) {
        this.epoch = epoch;
        this.order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(DerivedSeed.of(initSeed, component.hashCode(), epoch));
        for (int i = size - 1; i > 0; i--) { // Fisher-Yates
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    int epoch() {
        return epoch;
    }

    /** The example index drawn at {@code position} of this epoch. */
    int index(int position) {
        return order[position];
    }
}
