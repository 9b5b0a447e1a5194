package org.threshold.api.model;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * What a probe needs from one transformer block in one forward pass (SPEC section 5): a typed
 * view of five of its named activations ({@link HookPoint}), each of shape (batch, time, d)
 * except the attention weights. The arrays belong to the manager the pass ran under.
 *
 * @param layer 0-based layer (for a recurrent model: the application of the shared block)
 * @param input x, the block's input ({@code blocks.{l}.hook_resid_pre})
 * @param attention SA(LN1(x)) ({@code blocks.{l}.hook_attn_out})
 * @param afterAttention x1 = x + SA(LN1(x)) ({@code blocks.{l}.hook_resid_mid})
 * @param feedForward FFN(LN2(x1)) ({@code blocks.{l}.hook_mlp_out})
 * @param attentionWeights softmax weights, (batch, heads, time, time) ({@code blocks.{l}.attn.hook_pattern})
 */
public record LayerActivations(int layer, NDArray input, NDArray attention, NDArray afterAttention,
                               NDArray feedForward, NDArray attentionWeights) {

    /** The hooks the view of {@code layer} reads. */
    public static List<String> hookNames(int layer) {
        return List.of(HookPoint.RESID_PRE.hookName(layer), HookPoint.ATTN_OUT.hookName(layer),
                HookPoint.RESID_MID.hookName(layer), HookPoint.MLP_OUT.hookName(layer), HookPoint.PATTERN.hookName(layer));
    }

    /** The view of {@code layer} over a pass that captured its {@link #hookNames}. */
    public static LayerActivations of(ActivationRun run, int layer) {
        return new LayerActivations(layer, run.get(HookPoint.RESID_PRE.hookName(layer)), run.get(HookPoint.ATTN_OUT.hookName(layer)),
                run.get(HookPoint.RESID_MID.hookName(layer)), run.get(HookPoint.MLP_OUT.hookName(layer)),
                run.get(HookPoint.PATTERN.hookName(layer)));
    }
}
