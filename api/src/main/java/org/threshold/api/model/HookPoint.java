package org.threshold.api.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The named activations of a transformer, under TransformerLens's names so that a researcher's
 * habits and scripts carry over: {@code hook_embed}, {@code hook_pos_embed}, then per layer
 * {@code blocks.{l}.hook_resid_pre} and so on (SPEC section 5; for a recurrent model, {@code l}
 * counts the applications of the shared block). Shapes are those a {@link Hooks} pass exposes.
 */
public enum HookPoint {

    /** The token embeddings, (batch, time, d). */
    EMBED("hook_embed"),

    /** The position embeddings, (batch, time, d); x = embed + pos_embed enters block 0. */
    POS_EMBED("hook_pos_embed"),

    /** x, the block's input, (batch, time, d). */
    RESID_PRE("hook_resid_pre"),

    /** The attention weights (softmax of the masked scores), (batch, heads, query, key). */
    PATTERN("attn.hook_pattern"),

    /** SA(LN1(x)), the attention's output after its projection, (batch, time, d). */
    ATTN_OUT("hook_attn_out"),

    /** x1 = x + SA(LN1(x)), (batch, time, d). */
    RESID_MID("hook_resid_mid"),

    /** FFN(LN2(x1)), (batch, time, d). */
    MLP_OUT("hook_mlp_out"),

    /** x1 + FFN(LN2(x1)), the block's output, (batch, time, d); the next block's resid_pre. */
    RESID_POST("hook_resid_post");

    private final String suffix;

    HookPoint(String suffix) {
        this.suffix = suffix;
    }

    /** Whether the hook exists once per layer ({@code blocks.{l}.…}) rather than once per model. */
    public boolean perLayer() {
        return this != EMBED && this != POS_EMBED;
    }

    /** The name of a model-wide hook: {@code hook_embed} or {@code hook_pos_embed}. */
    public String hookName() {
        if (perLayer()) {
            throw new IllegalStateException("blocks.{l}." + suffix + " is a hook of every layer: name the layer, e.g. "
                    + hookName(0));
        }
        return suffix;
    }

    /** The name of a per-layer hook, e.g. {@code blocks.0.hook_mlp_out} for {@code MLP_OUT.hookName(0)}. */
    public String hookName(int layer) {
        if (!perLayer()) {
            throw new IllegalStateException(suffix + " is a hook of the whole model, not of a layer: use hookName()");
        }
        if (layer < 0) {
            throw new IllegalArgumentException("layers count from 0, got " + layer);
        }
        return "blocks." + layer + "." + suffix;
    }

    /** Every hook name of a model of {@code layers} layers, in the order a forward pass reaches them. */
    public static List<String> names(int layers) {
        List<String> names = new ArrayList<>(2 + 6 * layers);
        names.add(EMBED.hookName());
        names.add(POS_EMBED.hookName());
        for (int l = 0; l < layers; l++) {
            for (HookPoint p : values()) {
                if (p.perLayer()) {
                    names.add(p.hookName(l));
                }
            }
        }
        return List.copyOf(names);
    }
}
