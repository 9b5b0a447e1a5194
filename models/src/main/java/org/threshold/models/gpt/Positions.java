package org.threshold.models.gpt;

import org.threshold.api.config.Choice;

/**
 * How a GPT knows where a token sits (SPEC section 5b). Only learned positions have parameters;
 * sinusoidal and rotary ones are fixed functions of the position, so they count zero.
 */
public enum Positions implements Choice {

    /** A trained (context, d) table added to the token embeddings: nanoGPT's {@code wpe}, the default. */
    LEARNED("learned"),

    /**
     * The fixed table of "Attention is all you need" added to the token embeddings:
     * PE(t, 2i) = sin(t / 10000^(2i/d)), PE(t, 2i+1) = cos(t / 10000^(2i/d)).
     */
    SINUSOIDAL("sinusoidal"),

    /**
     * Rotary position embeddings (RoFormer), applied to each head's queries and keys in every
     * attention layer: dimension pairs (j, j + m) of a head of size 2m (+1) are rotated by the
     * angle t · 10000^(−2j/(2m)), GPT-NeoX's "rotate half" layout; an odd head size leaves its
     * last dimension unrotated. Nothing is added to the token embeddings.
     */
    ROTARY("rotary"),

    /** No position information at all: attention's causal mask is the only order the model sees. */
    NONE("none");

    private final String word;

    Positions(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }
}
