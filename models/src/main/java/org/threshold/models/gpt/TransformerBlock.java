package org.threshold.models.gpt;

import ai.djl.ndarray.NDArray;
import org.threshold.api.model.HookPoint;

/**
 * One pre-norm transformer block (SPEC sections 5 and 5b):
 * x1 = x + SA(N1(x)), out = x1 + FFN(N2(x1)), FFN = d → mlp_ratio·d → d with GELU, N the
 * configured norm. A block application without an MLP ({@code mlp_layers}) gives out = x1, and its
 * {@code hook_mlp_out} is zeros (replacing it adds the replacement). Activations are (batch·time, d)
 * matrices so that every linear layer is one fused matrix product with its bias (libtorch's addmm;
 * a 3-d input would take a product and a separate bias addition).
 */
final class TransformerBlock {

    private final CausalSelfAttention attention;
    private final Normalization normalization;
    private final float dropout;

    TransformerBlock(GptConfig config, NDArray scale, Normalization normalization) {
        this.attention = new CausalSelfAttention(config, scale);
        this.normalization = normalization;
        this.dropout = (float) config.dropout();
    }

    /**
     * The block's output; every named activation passes through {@code pass.hook()} on its way.
     *
     * @param mlp whether this application runs the block's MLP
     * @param rotation rotary positions for this pass, null without them
     * @param lanes one model, or a stack of K (activations (K, batch·time, d), each member its own weights)
     */
    NDArray forward(NDArray x, BlockWeights w, int layer, boolean mlp, int batch, NDArray mask, Rotation rotation, Pass pass,
                    Lanes lanes) {
        ActivationHook hook = pass.hook();
        x = hook.at(HookPoint.RESID_PRE, layer, x);
        NDArray normed1 = normalization.apply(x, w.norm1Gain(), w.norm1Bias(), lanes);
        NDArray sa = attention.forward(normed1, w, batch, mask, rotation, layer, pass, lanes);
        NDArray attended = hook.at(HookPoint.ATTN_OUT, layer, Dropout.apply(sa, dropout, pass.training()));
        NDArray x1 = hook.at(HookPoint.RESID_MID, layer, x.add(attended));
        NDArray out;
        if (mlp) {
            NDArray normed2 = normalization.apply(x1, w.norm2Gain(), w.norm2Bias(), lanes);
            NDArray hidden = lanes.linear(normed2, w.upWeight(), w.upBias());
            hidden = hidden.getNDArrayInternal().gelu();
            NDArray fed = lanes.linear(hidden, w.downWeight(), w.downBias());
            fed = hook.at(HookPoint.MLP_OUT, layer, Dropout.apply(fed, dropout, pass.training()));
            out = x1.add(fed);
        } else if (hook != ActivationHook.NONE) {
            // no MLP: its output is zero, which a hook sees (and may replace); training pays nothing
            out = x1.add(hook.at(HookPoint.MLP_OUT, layer, x1.zerosLike()));
        } else {
            out = x1;
        }
        return hook.at(HookPoint.RESID_POST, layer, out);
    }
}
