package org.threshold.translation;

import java.nio.charset.StandardCharsets;

/**
 * Seeds for the independent random streams of one task, derived from the data seed and a name
 * ("edge", "A", "C"). Naming the streams instead of drawing them one after another keeps each
 * part of the data stable when another part of the config changes: in a sweep over the A->C
 * sample count, the languages, the A->B and B->C data and the A->C test prompts stay the same.
 */
final class DerivedSeed {

    private DerivedSeed() {
    }

    static long of(long seed, String... names) {
        long h = mix(seed ^ 0x6A09E667F3BCC909L);
        for (String name : names) {
            // FNV-1a over the UTF-8 bytes, with the part count mixed in so ("ab","c") != ("a","bc").
            long f = 0xCBF29CE484222325L;
            for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
                f = (f ^ (b & 0xFF)) * 0x100000001B3L;
            }
            h = mix(h ^ f ^ (name.length() * 0x9E3779B97F4A7C15L));
        }
        return h;
    }

    static long of(long seed, String name, long number) {
        return mix(of(seed, name) + number * 0x9E3779B97F4A7C15L);
    }

    /** MurmurHash3's 64-bit finalizer: every input bit affects every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
