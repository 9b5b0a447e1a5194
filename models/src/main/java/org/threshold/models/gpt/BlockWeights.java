package org.threshold.models.gpt;

import ai.djl.ndarray.NDArray;

/**
 * The parameters of one transformer block, as views into the flat parameter vector. Linear
 * weights are (out, in), as PyTorch stores them. A part the config leaves out is null (DJL's own
 * convention for a linear layer without bias): biases without {@code bias}, norms without
 * {@code norm}, a LayerNorm's bias with RMSNorm, the second norm and the MLP in a block without one.
 */
record BlockWeights(NDArray norm1Gain, NDArray norm1Bias, NDArray qkvWeight, NDArray qkvBias,
                    NDArray projectionWeight, NDArray projectionBias, NDArray norm2Gain, NDArray norm2Bias,
                    NDArray upWeight, NDArray upBias, NDArray downWeight, NDArray downBias) {
}
