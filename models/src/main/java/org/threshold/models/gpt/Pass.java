package org.threshold.models.gpt;

import ai.djl.ndarray.NDArray;
import java.util.Optional;

/**
 * How one forward pass runs: training (dropout on) or not, where its tokens sit, what they may
 * attend to, and who watches.
 *
 * @param positions position ids (batch, time); empty means 0 … time−1 for every row
 * @param mask additive attention mask broadcastable to (batch, time, keys); empty means causal
 * @param cache keys and values of earlier positions, extended by this pass
 * @param training dropout on
 * @param lastPositionOnly logits of the last position only (decoding needs no more)
 * @param hook sees, and may replace, every named activation
 */
record Pass(Optional<NDArray> positions, Optional<NDArray> mask, Optional<KvCache> cache, boolean training,
            boolean lastPositionOnly, ActivationHook hook) {

    static Pass forTraining() {
        return new Pass(Optional.empty(), Optional.empty(), Optional.empty(), true, false, ActivationHook.NONE);
    }

    static Pass forInference() {
        return new Pass(Optional.empty(), Optional.empty(), Optional.empty(), false, false, ActivationHook.NONE);
    }

    static Pass withHooks(ActivationHook hook) {
        return new Pass(Optional.empty(), Optional.empty(), Optional.empty(), false, false, hook);
    }

    static Pass forDecoding(NDArray positions, NDArray mask, KvCache cache) {
        return new Pass(Optional.of(positions), Optional.of(mask), Optional.of(cache), false, true, ActivationHook.NONE);
    }
}
