package org.threshold.translation;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One edge's sentences (by index in the source language's {@link SentenceSpace}): first a
 * random choice of held-out test sentences, then the training samples, drawn from the rest
 * (SPEC section 4). Training samples are distinct while the rest suffices and drawn uniformly
 * with replacement from the rest when the count exceeds it (2,500 samples of 1,680 sentences in
 * section 3.1), so a test sentence of an edge never appears in that edge's training data.
 *
 * <p>Drawn with a partial shuffle, the test sentences do not depend on the sample count, and
 * distinct training samples of a smaller count are the first ones of a larger count: the runs of
 * a sweep over an edge's sample count share its test sentences, and their training sets are
 * nested.
 */
public final class EdgeSplit {

    private final long sentences;
    private final long[] test;
    private final long[] training;
    private final boolean withReplacement;

    private EdgeSplit(long sentences, long[] test, long[] training, boolean withReplacement) {
        this.sentences = sentences;
        this.test = test;
        this.training = training;
        this.withReplacement = withReplacement;
    }

    /**
     * @param sentences the size of the source language's sentence space
     * @param testCount held-out sentences, fewer than {@code sentences}
     * @param samples training samples
     * @param random the edge's own random stream
     */
    public static EdgeSplit draw(long sentences, int testCount, int samples, SplittableRandom random) {
        if (testCount < 0 || testCount >= sentences) {
            throw new IllegalArgumentException("cannot hold out " + testCount + " of " + sentences
                    + " sentences and train on the rest: test_per_edge must be below the number of sentences");
        }
        if (samples < 0) {
            throw new IllegalArgumentException("samples must be >= 0, got " + samples);
        }
        PartialShuffle shuffle = new PartialShuffle(sentences, random);
        long[] test = new long[testCount];
        for (int i = 0; i < testCount; i++) {
            test[i] = shuffle.next();
        }
        long[] training = new long[samples];
        boolean withReplacement = samples > shuffle.remaining();
        if (!withReplacement) {
            for (int i = 0; i < samples; i++) {
                training[i] = shuffle.next();
            }
        } else {
            long[] sortedTest = test.clone();
            Arrays.sort(sortedTest);
            long rest = sentences - testCount;
            for (int i = 0; i < samples; i++) {
                training[i] = nthNotIn(sortedTest, random.nextLong(rest));
            }
        }
        return new EdgeSplit(sentences, test, training, withReplacement);
    }

    /** The n-th (0-based) index of 0..sentences-1 that is not in {@code sortedExcluded}. */
    private static long nthNotIn(long[] sortedExcluded, long n) {
        long index = n;
        for (long t : sortedExcluded) {
            if (t <= index) {
                index++;
            } else {
                break;
            }
        }
        return index;
    }

    /** Size of the source language's sentence space, |N|. */
    public long sentences() {
        return sentences;
    }

    /** Held-out test sentences, in the order they were drawn. */
    public long[] test() {
        return test.clone();
    }

    /** Training samples in stream order (with repeats when drawn with replacement). */
    public long[] training() {
        return training.clone();
    }

    /** Whether the sample count exceeded the sentences left after the test set. */
    public boolean withReplacement() {
        return withReplacement;
    }

    /** x of Proposition 4: how many different sentences the training samples hold. */
    public long distinctTraining() {
        if (!withReplacement) {
            return training.length;
        }
        Set<Long> distinct = new HashSet<>();
        for (long t : training) {
            distinct.add(t);
        }
        return distinct.size();
    }
}
