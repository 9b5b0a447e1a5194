package org.threshold.addition;

import java.util.Set;
import java.util.SplittableRandom;
import org.threshold.api.task.Example;
import org.threshold.api.task.TrainingSet;

/**
 * Training examples drawn fresh: every (epoch, index) is its own pair, drawn from a stream seeded by
 * the data seed, the component and the position, so a run never sees the same sample of a large
 * space twice and a resumed run sees exactly the same examples. Held-out pairs (the test sets')
 * are drawn again.
 */
final class PairStream implements TrainingSet {

    /** Examples per epoch: only how the trainer counts epochs and shuffles; every epoch's pairs are new. */
    static final int EPOCH = 1 << 16;

    private final PairSpace space;
    private final AdditionNotation notation;
    private final Set<Operands> heldOut;
    private final long seed;

    PairStream(PairSpace space, AdditionNotation notation, Set<Operands> heldOut, long seed) {
        if (space.size() != Long.MAX_VALUE && space.countIn(heldOut) >= space.size()) {
            throw new IllegalArgumentException("every pair of " + space.length() + "-digit operands is held out");
        }
        this.space = space;
        this.notation = notation;
        this.heldOut = heldOut;
        this.seed = DerivedSeed.of(seed, "train len" + space.length());
    }

    @Override
    public int size() {
        return EPOCH;
    }

    @Override
    public Example example(int epoch, int index) {
        return notation.example(pair(epoch, index));
    }

    Operands pair(int epoch, int index) {
        SplittableRandom rng = new SplittableRandom(DerivedSeed.of(seed, epoch, index));
        Operands p = space.random(rng);
        while (heldOut.contains(p)) {
            p = space.random(rng);
        }
        return p;
    }
}
