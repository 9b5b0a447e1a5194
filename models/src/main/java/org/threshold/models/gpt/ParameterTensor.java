package org.threshold.models.gpt;

import ai.djl.ndarray.types.Shape;

/**
 * One named tensor of a GPT's parameters and where it lives in the flat parameter vector.
 *
 * @param name nanoGPT's state_dict name, e.g. {@code transformer.h.0.attn.c_attn.weight} (weights are
 *     stored (out, in), as PyTorch does)
 * @param shape the tensor's shape
 * @param offset index of its first element in the flat vector
 * @param init how it starts (nanoGPT's scheme, as peer_gpt.py)
 */
public record ParameterTensor(String name, Shape shape, long offset, Init init) {

    /** Starting values: N(0, 0.02) for weights and embeddings, zero biases, LayerNorm gains one. */
    public enum Init {
        NORMAL, ZEROS, ONES
    }

    public long size() {
        return shape.size();
    }

    public long end() {
        return offset + size();
    }
}
