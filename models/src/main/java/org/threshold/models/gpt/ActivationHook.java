package org.threshold.models.gpt;

import ai.djl.ndarray.NDArray;
import org.threshold.api.model.HookPoint;

/**
 * What the forward pass calls at each of its hook points: it sees the activation and returns the
 * array the pass continues with, so one call serves both capture and replacement. Training and
 * decoding pass {@link #NONE}, which returns its input: no array, no native call.
 */
interface ActivationHook {

    ActivationHook NONE = (point, layer, value) -> value;

    /**
     * @param layer the block application; 0 for the embeddings
     * @param value as the forward code holds it: (batch·time, d) in the blocks, (batch, time, d)
     *     for {@code hook_embed}, (time, d) or (batch, time, d) for {@code hook_pos_embed}, and
     *     the attention weights (batch, time, keys) for one head, (batch, heads, time, keys) for several
     */
    NDArray at(HookPoint point, int layer, NDArray value);
}
