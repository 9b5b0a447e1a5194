package org.threshold.addition;

import java.nio.charset.StandardCharsets;

/**
 * Seeds for the independent random streams of one task, derived from the data seed and a name
 * ("test", "train len3") and numbers (epoch, index). Naming the streams keeps each part of the data
 * stable when another part of the config changes: the test pairs do not move when
 * {@code length_eval_size} or {@code train_size} do.
 */
final class DerivedSeed {

    private DerivedSeed() {
    }

    static long of(long seed, String name) {
        // FNV-1a over the UTF-8 bytes, then mixed with the seed
        long f = 0xCBF29CE484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            f = (f ^ (b & 0xFF)) * 0x100000001B3L;
        }
        return mix(mix(seed ^ 0x6A09E667F3BCC909L) ^ f);
    }

    static long of(long base, long first, long second) {
        return mix(mix(base + first * 0x9E3779B97F4A7C15L) + second * 0xC2B2AE3D27D4EB4FL);
    }

    /** MurmurHash3's 64-bit finalizer: every input bit affects every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
