package org.threshold.models.gpt;

import ai.djl.ndarray.NDArray;

/**
 * Receives what one block computed in a forward pass, for probes (SPEC section 5). The forward
 * code calls it unconditionally; training passes {@link #NONE}, which costs nothing.
 */
interface ActivationSink {

    ActivationSink NONE = (layer, input, attention, afterAttention, feedForward, weights) -> { };

    /**
     * Arrays are (batch·time, d) except {@code weights}: (batch, time, time) for one head,
     * (batch, heads, time, time) for several.
     */
    void accept(int layer, NDArray input, NDArray attention, NDArray afterAttention, NDArray feedForward,
                NDArray weights);
}
