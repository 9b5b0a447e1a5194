package org.threshold.models.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Keys and values of every block application for incremental decoding: each new token attends
 * over what earlier tokens left here instead of recomputing them. Buffers are allocated once, for
 * the longest sequence the decoder will reach, and written in place: growing them by
 * concatenation copied the whole cache at every token. Arrays are (batch, time, d) for one head
 * and (batch, heads, time, head size) for several; time is the axis {@code timeAxis}.
 */
final class KvCache {

    private final NDArray[] keys;
    private final NDArray[] values;
    private final int capacity;
    private int length;

    /**
     * @param capacity the most positions the cache will hold
     */
    KvCache(int layers, int capacity) {
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
        this.capacity = capacity;
    }

    /** Positions written so far (by every layer, once a pass is complete). */
    int length() {
        return length;
    }

    /**
     * Writes this pass's keys and values after the cached ones and returns views of all of them.
     * The buffers outlive the pass (and its {@link NDScope}); the decoder's manager releases them.
     */
    NDArray[] append(int layer, NDArray k, NDArray v, int timeAxis) {
        int time = (int) k.getShape().get(timeAxis);
        if (length + time > capacity) {
            throw new IllegalStateException("the cache holds " + capacity + " positions, asked for " + (length + time));
        }
        if (keys[layer] == null) {
            keys[layer] = buffer(k, timeAxis);
            values[layer] = buffer(v, timeAxis);
        }
        int end = length + time;
        keys[layer].set(slice(timeAxis, length, end), k);
        values[layer].set(slice(timeAxis, length, end), v);
        if (layer == keys.length - 1) {
            length = end; // every layer has written this pass's positions
        }
        NDIndex written = slice(timeAxis, 0, end);
        return new NDArray[] {keys[layer].get(written), values[layer].get(written)};
    }

    /** Keeps only the given batch rows (in that order), e.g. the rows still generating. */
    void keep(int[] rows) {
        for (int layer = 0; layer < keys.length; layer++) {
            if (keys[layer] == null) {
                continue;
            }
            keys[layer] = selectRows(keys[layer], rows);
            values[layer] = selectRows(values[layer], rows);
        }
    }

    private static NDArray selectRows(NDArray buffer, int[] rows) {
        long[] ids = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            ids[i] = rows[i];
        }
        try (NDArray index = buffer.getManager().create(ids)) {
            NDArray kept = buffer.get(index);
            NDScope.unregister(kept);
            buffer.close();
            return kept;
        }
    }

    private NDArray buffer(NDArray like, int timeAxis) {
        long[] dims = like.getShape().getShape().clone();
        dims[timeAxis] = capacity;
        NDArray buffer = like.getManager().zeros(new Shape(dims), like.getDataType());
        NDScope.unregister(buffer);
        return buffer;
    }

    private static NDIndex slice(int timeAxis, long from, long to) {
        NDIndex index = new NDIndex();
        for (int axis = 0; axis < timeAxis; axis++) {
            index.addAllDim();
        }
        return index.addSliceDim(from, to);
    }
}
