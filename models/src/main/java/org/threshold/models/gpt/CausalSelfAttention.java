package org.threshold.models.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.Optional;
import org.threshold.api.model.HookPoint;

/**
 * Causal self-attention with one fused QKV projection (one matrix product instead of three) and
 * batched matrix products over the batch (and heads). Scores are scaled by 1/√(head size) and
 * masked additively, as in peer_gpt.py. Queries, keys and values are heads · head size wide (d
 * by default; {@code head_dim} sets it apart from d), and the projection maps that width back to d.
 */
final class CausalSelfAttention {

    private final int width;
    private final int heads;
    private final int headSize;
    private final NDArray scale;
    private final float dropout;

    /** {@code scale} is a 0-d array: DJL 0.35 gave wrong gradients for Java scalars under autograd (DESIGN.md). */
    CausalSelfAttention(GptConfig config, NDArray scale) {
        this.width = config.attentionWidth();
        this.heads = config.heads();
        this.headSize = config.headSize();
        this.scale = scale;
        this.dropout = (float) config.dropout();
    }

    /**
     * @param normed LN1(x), (batch·time, d)
     * @param mask additive, broadcastable to (batch, time, keys)
     * @param rotation rotary positions, applied to queries and keys; null without them
     * @param pass its cache, when present, holds keys and values of earlier positions of this layer
     *     and is extended here; its hook sees the attention weights
     * @param lanes one model, or a stack: then {@code normed} is (K, batch·time, d), each member its own weights
     * @return SA(LN1(x)) (batch·time, d), or (K, batch·time, d) for a stack, projection included
     */
    NDArray forward(NDArray normed, BlockWeights w, int batch, NDArray mask, Rotation rotation, int layer, Pass pass,
                    Lanes lanes) {
        Optional<KvCache> cache = pass.cache();
        long time = lanes.rowCount(normed) / batch;
        int rows = batch;
        batch = lanes.sequences(batch); // a stack's members attend side by side, as more sequences
        NDArray qkv = lanes.linear(normed, w.qkvWeight(), w.qkvBias()).reshape(batch, time, 3L * width);
        NDList split = qkv.split(3, 2);
        NDArray q = split.get(0);
        NDArray k = split.get(1);
        NDArray v = split.get(2);
        NDArray weights;
        NDArray y;
        if (heads == 1) {
            if (rotation != null) {
                q = rotation.apply(q);
                k = rotation.apply(k);
            }
            if (cache.isPresent()) {
                NDArray[] all = cache.get().append(layer, k, v, 1);
                k = all[0];
                v = all[1];
            }
            weights = softmax(q.batchMatMul(k.transpose(0, 2, 1)), mask, layer, pass);
            y = weights.batchMatMul(v);
        } else {
            q = q.reshape(batch, time, heads, headSize).transpose(0, 2, 1, 3);
            k = k.reshape(batch, time, heads, headSize).transpose(0, 2, 1, 3);
            v = v.reshape(batch, time, heads, headSize).transpose(0, 2, 1, 3);
            if (rotation != null) {
                Rotation perHead = rotation.withHeadAxis();
                q = perHead.apply(q);
                k = perHead.apply(k);
            }
            if (cache.isPresent()) {
                NDArray[] all = cache.get().append(layer, k, v, 2);
                k = all[0];
                v = all[1];
            }
            // (batch, time, keys) masks gain a head axis
            NDArray headMask = mask.getShape().dimension() == 3 ? mask.expandDims(1) : mask;
            weights = softmax(q.matMul(k.transpose(0, 1, 3, 2)), headMask, layer, pass);
            y = weights.matMul(v).transpose(0, 2, 1, 3);
        }
        NDArray flat = lanes.rows(y, rows * time, width);
        return lanes.linear(flat, w.projectionWeight(), w.projectionBias());
    }

    /** The hook sees the weights before dropout, where TransformerLens's hook_pattern sits. */
    private NDArray softmax(NDArray scores, NDArray mask, int layer, Pass pass) {
        NDArray weights = pass.hook().at(HookPoint.PATTERN, layer, scores.mul(scale).add(mask).softmax(-1));
        return Dropout.apply(weights, dropout, pass.training());
    }
}
