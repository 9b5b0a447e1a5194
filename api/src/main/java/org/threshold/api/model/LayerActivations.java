package org.threshold.api.model;

import ai.djl.ndarray.NDArray;

/**
 * What a probe needs from one transformer block in one forward pass (SPEC section 5), each of
 * shape (batch, time, d) except the attention weights. The arrays belong to the manager the
 * capture ran under.
 *
 * @param layer 0-based layer (for a recurrent model: the application of the shared block)
 * @param input x, the block's input
 * @param attention SA(LN1(x))
 * @param afterAttention x1 = x + SA(LN1(x))
 * @param feedForward FFN(LN2(x1))
 * @param attentionWeights softmax weights, (batch, heads, time, time)
 */
public record LayerActivations(int layer, NDArray input, NDArray attention, NDArray afterAttention,
                               NDArray feedForward, NDArray attentionWeights) {
}
