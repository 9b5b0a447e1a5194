package org.threshold.models.gpt;

import org.threshold.api.config.ConfigSection;

/**
 * The {@code model:} section of a run file for {@code type: gpt} (SPEC section 5). Defaults live
 * here and nowhere else.
 *
 * @param variant standard (distinct blocks) or recurrent (one block applied {@code layers} times);
 *     default standard
 * @param d embedding size, at least 4 (paper grid: 4 … 256); default 32
 * @param layers block applications (paper: 1 … 6); default 2
 * @param heads attention heads, must divide {@code d}; default 1
 * @param dropout dropout rate after the embeddings, on the attention weights, after the attention
 *     projection and after the feed-forward (nanoGPT's places); default 0
 */
public record GptConfig(Variant variant, int d, int layers, int heads, double dropout) {

    public GptConfig {
        if (d < 4) {
            throw new IllegalArgumentException("d (embedding size) must be at least 4, got " + d);
        }
        if (layers < 1) {
            throw new IllegalArgumentException("layers must be at least 1, got " + layers);
        }
        if (heads < 1 || d % heads != 0) {
            throw new IllegalArgumentException("heads must divide d=" + d + ", got " + heads);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    /** A standard single-head model without dropout. */
    public static GptConfig standard(int d, int layers) {
        return new GptConfig(Variant.STANDARD, d, layers, 1, 0);
    }

    /** A recurrent single-head model without dropout: one block applied {@code layers} times. */
    public static GptConfig recurrent(int d, int layers) {
        return new GptConfig(Variant.RECURRENT, d, layers, 1, 0);
    }

    /** Binds the {@code model:} section (without {@code type}); problems go to the section. */
    public static GptConfig bind(ConfigSection s) {
        Variant variant = Variant.of(s.choice("variant", Variant.STANDARD.word(), Variant.words()));
        int d = s.integer("d", 32, 4, 65_536);
        int layers = s.integer("layers", 2, 1, 1_024);
        int heads = s.integer("heads", 1, 1, 65_536);
        if (d % heads != 0) {
            s.problem("heads", "expected a divisor of d=" + d + ", found " + heads);
            heads = 1;
        }
        double dropout = s.number("dropout", 0, 0, 0.999);
        return new GptConfig(variant, d, layers, heads, dropout);
    }

    /** Size of one head's queries, keys and values. */
    public int headSize() {
        return d / heads;
    }
}
