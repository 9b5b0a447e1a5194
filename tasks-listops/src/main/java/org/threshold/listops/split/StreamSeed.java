package org.threshold.listops.split;

import java.util.SplittableRandom;

/**
 * The seed of one named random stream of a dataset ({@code excluded}, {@code train},
 * {@code test.SUM}, ...), derived from the data seed and the stream's name. Each set draws from
 * its own stream, so changing one size never changes another set: a researcher who varies
 * {@code train_size} is scored on the identical test sets, and {@code accuracy.SUM} is measured on
 * the same equations for every mixture with that seed and shape.
 */
public final class StreamSeed {

    private StreamSeed() {
    }

    public static long of(long seed, String stream) {
        long h = 0xcbf29ce484222325L; // 64-bit FNV-1a of the name
        for (int i = 0; i < stream.length(); i++) {
            h ^= stream.charAt(i);
            h *= 0x100000001b3L;
        }
        return new SplittableRandom(seed ^ h).nextLong();
    }
}
