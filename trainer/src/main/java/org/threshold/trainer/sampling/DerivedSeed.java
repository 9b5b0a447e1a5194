package org.threshold.trainer.sampling;

/**
 * Seeds for independent random streams derived from the run's {@code init_seed} and a few
 * integers (component, epoch, step). Deriving instead of carrying one generator along keeps the
 * sampler's checkpoint state down to counters: any stream can be recreated from its coordinates.
 */
public final class DerivedSeed {

    private DerivedSeed() {
    }

    /** A well-mixed seed for the stream at {@code parts} under {@code seed}. */
    public static long of(long seed, long... parts) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (long part : parts) {
            h = mix(h ^ mix(part + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    // SplitMix64's finalizer: every input bit affects every output bit.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
