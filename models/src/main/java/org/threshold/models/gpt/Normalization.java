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
    /** Ones of size d: a stack's layer norm applies each member's gain after the kernel. */
    private final NDArray ones;
    private final NDArray epsilon;

    /**
     * @param zeroBias d zeros, the bias a LayerNorm without one passes to libtorch's (which needs one)
     * @param ones d ones, the gain a stack's LayerNorm passes to libtorch's before each member's own
     * @param epsilon a 0-d array: DJL 0.35 gave wrong gradients for Java scalars under autograd (DESIGN.md)
     */
    Normalization(GptConfig config, NDArray zeroBias, NDArray ones, NDArray epsilon) {
        this.norm = config.norm();
        this.normalized = new Shape(config.d());
        this.zeroBias = zeroBias;
        this.ones = ones;
        this.epsilon = epsilon;
    }

    /**
     * @param gain the norm's gain (null with {@code norm: none})
     * @param bias a LayerNorm's bias, null without one
     */
    NDArray apply(NDArray x, NDArray gain, NDArray bias) {
        return apply(x, gain, bias, Lanes.SINGLE);
    }

    /** As {@link #apply(NDArray, NDArray, NDArray)}, the gain and bias per model of a stack. */
    NDArray apply(NDArray x, NDArray gain, NDArray bias, Lanes lanes) {
        if (lanes.stacked()) {
            return switch (norm) {
                case LAYER -> {
                    NDArray normed = x.getNDArrayInternal().layerNorm(x, normalized, ones, zeroBias, EPSILON).singletonOrThrow()
                            .mul(lanes.perRow(gain));
                    yield bias == null ? normed : normed.add(lanes.perRow(bias));
                }
                case RMS -> x.div(x.square().mean(new int[] {-1}, true).add(epsilon).sqrt()).mul(lanes.perRow(gain));
                case NONE -> x;
            };
        }
        return switch (norm) {
            case LAYER -> x.getNDArrayInternal().layerNorm(x, normalized, gain, bias == null ? zeroBias : bias, EPSILON)
                    .singletonOrThrow();
            case RMS -> x.div(x.square().mean(new int[] {-1}, true).add(epsilon).sqrt()).mul(gain);
            case NONE -> x;
        };
    }
}
