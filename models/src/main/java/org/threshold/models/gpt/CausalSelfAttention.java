package org.threshold.models.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.internal.NDArrayEx;
import java.util.Optional;

/**
 * Causal self-attention with one fused QKV projection (one matrix product instead of three) and
 * batched matrix products over the batch (and heads). Scores are scaled by 1/√(head size) and
 * masked additively, as in peer_gpt.py.
 */
final class CausalSelfAttention {

    private final int d;
    private final int heads;
    private final int headSize;
    private final NDArray scale;
    private final float dropout;

    /** {@code scale} is a 0-d array: DJL 0.35 gave wrong gradients for Java scalars under autograd (DESIGN.md). */
    CausalSelfAttention(GptConfig config, NDArray scale) {
        this.d = config.d();
        this.heads = config.heads();
        this.headSize = config.headSize();
        this.scale = scale;
        this.dropout = (float) config.dropout();
    }

    /** The attention output before its projection and the attention weights. */
    record Result(NDArray output, NDArray weights) {
    }

    /**
     * @param normed LN1(x), (batch·time, d)
     * @param mask additive, broadcastable to (batch, time, keys)
     * @param cache when present, keys and values of earlier positions of this layer, extended here
     * @return SA(LN1(x)) (batch·time, d), projection included, and the attention weights
     */
    Result forward(NDArray normed, BlockWeights w, int batch, NDArray mask, Optional<KvCache> cache, int layer,
                   boolean training) {
        NDArrayEx ex = normed.getNDArrayInternal();
        long time = normed.getShape().get(0) / batch;
        NDArray qkv = ex.linear(normed, w.qkvWeight(), w.qkvBias()).singletonOrThrow().reshape(batch, time, 3L * d);
        NDList split = qkv.split(3, 2);
        NDArray q = split.get(0);
        NDArray k = split.get(1);
        NDArray v = split.get(2);
        NDArray weights;
        NDArray y;
        if (heads == 1) {
            if (cache.isPresent()) {
                k = extend(cache.get(), layer, k, v, true);
                v = cache.get().values(layer);
            }
            weights = softmax(q.batchMatMul(k.transpose(0, 2, 1)), mask, training);
            y = weights.batchMatMul(v);
        } else {
            q = q.reshape(batch, time, heads, headSize).transpose(0, 2, 1, 3);
            k = k.reshape(batch, time, heads, headSize).transpose(0, 2, 1, 3);
            v = v.reshape(batch, time, heads, headSize).transpose(0, 2, 1, 3);
            if (cache.isPresent()) {
                k = extend(cache.get(), layer, k, v, false);
                v = cache.get().values(layer);
            }
            // (batch, time, keys) masks gain a head axis
            NDArray headMask = mask.getShape().dimension() == 3 ? mask.expandDims(1) : mask;
            weights = softmax(q.matMul(k.transpose(0, 1, 3, 2)), headMask, training);
            y = weights.matMul(v).transpose(0, 2, 1, 3);
        }
        NDArray flat = y.reshape(batch * time, d);
        NDArray projected = ex.linear(flat, w.projectionWeight(), w.projectionBias()).singletonOrThrow();
        return new Result(projected, weights);
    }

    private NDArray softmax(NDArray scores, NDArray mask, boolean training) {
        NDArray weights = scores.mul(scale).add(mask).softmax(-1);
        return Dropout.apply(weights, dropout, training);
    }

    /** Appends this pass's keys and values to the cache along the time axis; returns all keys. */
    private static NDArray extend(KvCache cache, int layer, NDArray k, NDArray v, boolean singleHead) {
        int axis = singleHead ? 1 : 2;
        NDArray keys = cache.isEmpty(layer) ? k : cache.keys(layer).concat(k, axis);
        NDArray values = cache.isEmpty(layer) ? v : cache.values(layer).concat(v, axis);
        cache.put(layer, keys, values);
        return keys;
    }
}
