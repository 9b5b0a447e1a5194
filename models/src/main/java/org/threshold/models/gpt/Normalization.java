package org.threshold.models.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The norm before attention, before the MLP and before the head ({@code norm: layer | rms | none}),
 * over the last axis of (rows, d) activations.
 */
final class Normalization {

    /** PyTorch's LayerNorm epsilon, as peer_gpt.py; RMSNorm uses the same. */
    static final float EPSILON = 1e-5f;

    private final Norm norm;
    private final Shape normalized;
    private final NDArray zeroBias;
    private final NDArray epsilon;

    /**
     * @param zeroBias d zeros, the bias a LayerNorm without one passes to libtorch's (which needs one)
     * @param epsilon a 0-d array: DJL 0.35 gave wrong gradients for Java scalars under autograd (DESIGN.md)
     */
    Normalization(GptConfig config, NDArray zeroBias, NDArray epsilon) {
        this.norm = config.norm();
        this.normalized = new Shape(config.d());
        this.zeroBias = zeroBias;
        this.epsilon = epsilon;
    }

    /**
     * @param gain the norm's gain (null with {@code norm: none})
     * @param bias a LayerNorm's bias, null without one
     */
    NDArray apply(NDArray x, NDArray gain, NDArray bias) {
        return switch (norm) {
            case LAYER -> x.getNDArrayInternal().layerNorm(x, normalized, gain, bias == null ? zeroBias : bias, EPSILON)
                    .singletonOrThrow();
            case RMS -> x.div(x.square().mean(new int[] {-1}, true).add(epsilon).sqrt()).mul(gain);
            case NONE -> x;
        };
    }
}
