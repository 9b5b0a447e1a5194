package org.threshold.models.gpt;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * All parameters of a GPT for one forward pass, as views into the flat parameter vector, so that
 * gradients of every view flow back into one gradient vector.
 *
 * @param blocks one entry per layer application; a recurrent model repeats one block's weights
 */
record GptWeights(NDArray tokenEmbedding, NDArray positionEmbedding, List<BlockWeights> blocks,
                  NDArray finalNormGain, NDArray finalNormBias, NDArray head) {
}
