package org.threshold.api.model;

import java.util.List;
import java.util.OptionalInt;

/**
 * Greedy generation for evaluation (SPEC section 1: the model generates the rest of a prompt
 * greedily, token by token, until the stop token or a length limit). A model may offer a faster
 * way than recomputing every position for every new token, e.g. a cache of keys and values.
 */
public interface GreedyDecoder {

    /**
     * Continues every prompt greedily. A row that grows past the model's context length is cropped
     * to its latest context-length tokens before each prediction (as nanoGPT does).
     *
     * @param prompts token ids, each at least one token; decoded in batches, any lengths
     * @param maxNewTokens at most this many tokens per prompt
     * @param stopToken a row ends once it produced this token
     * @return per prompt, in the order given, the generated tokens (the stop token included when produced)
     */
    List<int[]> decode(List<int[]> prompts, int maxNewTokens, OptionalInt stopToken);
}
