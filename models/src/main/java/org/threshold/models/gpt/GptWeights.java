package org.threshold.models.gpt;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * All parameters of a GPT for one forward pass, as views into the flat parameter vector, so that
 * gradients of every view flow back into one gradient vector.
 *
 * @param positionEmbedding null unless positions are learned
 * @param blocks one entry per layer application; a recurrent model repeats one block's weights
 * @param finalNormGain null with {@code norm: none}
 * @param finalNormBias null unless the final norm is a LayerNorm with bias
 * @param head the token embedding itself when embeddings are tied
 */
record GptWeights(NDArray tokenEmbedding, NDArray positionEmbedding, List<BlockWeights> blocks,
                  NDArray finalNormGain, NDArray finalNormBias, NDArray head) {
}
