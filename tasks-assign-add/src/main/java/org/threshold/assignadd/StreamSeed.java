package org.threshold.assignadd;

import java.nio.charset.StandardCharsets;

/**
 * Seeds for the independent random streams of one task, derived from the data seed and the
 * stream's name ("test routed.held_out", "train chain"), so that each set stays the same when
 * another's size changes.
 */
final class StreamSeed {

    private StreamSeed() {
    }

    static long of(long seed, String name) {
        // FNV-1a over the UTF-8 bytes, then mixed with the seed
        long f = 0xCBF29CE484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            f = (f ^ (b & 0xFF)) * 0x100000001B3L;
        }
        return mix(mix(seed ^ 0x6A09E667F3BCC909L) ^ f);
    }

    /** MurmurHash3's 64-bit finalizer: every input bit affects every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
