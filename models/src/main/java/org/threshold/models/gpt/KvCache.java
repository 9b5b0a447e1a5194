package org.threshold.models.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.Arrays;

/**
 * Keys and values of every block application for incremental decoding: each new token attends
 * over what earlier tokens left here instead of recomputing them. Arrays are (batch, time, d) for
 * one head and (batch, heads, time, head size) for several.
 */
final class KvCache {

    private final NDArray[] keys;
    private final NDArray[] values;

    KvCache(int layers) {
        keys = new NDArray[layers];
        values = new NDArray[layers];
    }

    boolean isEmpty(int layer) {
        return keys[layer] == null;
    }

    NDArray keys(int layer) {
        return keys[layer];
    }

    NDArray values(int layer) {
        return values[layer];
    }

    /**
     * Replaces the layer's keys and values; the previous ones are closed. The new ones outlive the
     * pass (and its {@link NDScope}) that made them; the decoder's manager releases the last ones.
     */
    void put(int layer, NDArray k, NDArray v) {
        NDScope.unregister(k, v);
        if (keys[layer] != null) {
            keys[layer].close();
            values[layer].close();
        }
        keys[layer] = k;
        values[layer] = v;
    }

    /** Number of cached positions. */
    long length() {
        return keys[0] == null ? 0 : keys[0].getShape().get(keys[0].getShape().dimension() - 2);
    }

    @Override
    public String toString() {
        return "KvCache" + Arrays.toString(Arrays.stream(keys).map(k -> k == null ? "-" : k.getShape().toString()).toArray());
    }
}
