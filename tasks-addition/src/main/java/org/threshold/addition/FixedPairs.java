package org.threshold.addition;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.threshold.api.task.Example;
import org.threshold.api.task.TrainingSet;

/**
 * A fixed training set ({@code train_size}): distinct pairs of one length that no test set holds,
 * the same every epoch, in the trainer's order. Drawn when first read, so that components a
 * curriculum never weights cost no memory.
 */
final class FixedPairs implements TrainingSet {

    private final PairSpace space;
    private final int size;
    private final Set<Operands> heldOut;
    private final long seed;
    private final AdditionNotation notation;
    private long[] as;
    private long[] bs;

    /**
     * @param size how many pairs; at most as many as the space has outside {@code heldOut}
     */
    FixedPairs(PairSpace space, int size, Set<Operands> heldOut, long seed, AdditionNotation notation) {
        if (size < 1) {
            throw new IllegalArgumentException("a fixed training set needs at least one pair, got " + size);
        }
        this.space = space;
        this.size = size;
        this.heldOut = heldOut;
        this.seed = DerivedSeed.of(seed, "fixed len" + space.length());
        this.notation = notation;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Example example(int epoch, int index) {
        return notation.example(pair(index));
    }

    synchronized Operands pair(int index) {
        if (as == null) {
            List<Operands> pairs = space.distinct(new SplittableRandom(seed), size, heldOut);
            as = new long[size];
            bs = new long[size];
            for (int i = 0; i < size; i++) {
                as[i] = pairs.get(i).a();
                bs[i] = pairs.get(i).b();
            }
        }
        return new Operands(as[index], bs[index]);
    }
}
