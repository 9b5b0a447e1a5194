package org.threshold.models.gpt;

import org.threshold.api.config.Choice;

/**
 * The normalization before attention, before the MLP and before the head (SPEC section 5b).
 */
public enum Norm implements Choice {

    /** LayerNorm: (x − mean) / √(var + ε) · gain (+ bias when the model has biases); the default. */
    LAYER("layer"),

    /** RMSNorm: x / √(mean(x²) + ε) · gain, no bias. */
    RMS("rms"),

    /** No normalization and no parameters for it. */
    NONE("none");

    private final String word;

    Norm(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }
}
