package org.threshold.models.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Additive attention masks: 0 where a query may look, −∞ where it may not. The causal mask of
 * each length is made once and kept (DESIGN.md: avoid per-step allocation of constants).
 */
final class CausalMasks implements AutoCloseable {

    private final NDManager manager;
    private final ConcurrentMap<Integer, NDArray> causal = new ConcurrentHashMap<>();

    CausalMasks(NDManager manager) {
        this.manager = manager;
    }

    /** (time, time): query i sees keys 0 … i. */
    NDArray causal(int time) {
        return causal.computeIfAbsent(time, t -> {
            float[] values = new float[t * t];
            for (int i = 0; i < t; i++) {
                for (int j = i + 1; j < t; j++) {
                    values[i * t + j] = Float.NEGATIVE_INFINITY;
                }
            }
            NDArray mask = manager.create(values, new Shape(t, t));
            NDScope.unregister(mask); // a constant of the model, not of the pass that first asked for it
            return mask;
        });
    }

    /**
     * (batch, time, time) for left-padded rows: row b's first {@code padding[b]} positions are
     * padding. A query sees the real keys up to itself; a padding query sees only itself, so its
     * softmax stays finite (a row of −∞ would give NaN that a zero weight cannot cancel in the
     * next matrix product).
     */
    static NDArray leftPadded(NDManager manager, int[] padding, int time) {
        int batch = padding.length;
        float[] values = new float[batch * time * time];
        for (int b = 0; b < batch; b++) {
            int base = b * time * time;
            for (int i = 0; i < time; i++) {
                for (int j = 0; j < time; j++) {
                    boolean visible = j <= i && (j >= padding[b] || j == i);
                    values[base + i * time + j] = visible ? 0f : Float.NEGATIVE_INFINITY;
                }
            }
        }
        return manager.create(values, new Shape(batch, time, time));
    }

    /** (batch, 1, keys): one new query per row sees every cached key except the row's padding. */
    static NDArray keysAfterPadding(NDManager manager, int[] padding, int keys) {
        int batch = padding.length;
        float[] values = new float[batch * keys];
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < padding[b] && j < keys; j++) {
                values[b * keys + j] = Float.NEGATIVE_INFINITY;
            }
        }
        return manager.create(values, new Shape(batch, 1, keys));
    }

    @Override
    public void close() {
        List.copyOf(causal.values()).forEach(NDArray::close);
        causal.clear();
    }
}
