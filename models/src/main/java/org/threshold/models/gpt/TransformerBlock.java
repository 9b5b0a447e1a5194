package org.threshold.models.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.threshold.api.model.HookPoint;

/**
 * One pre-LayerNorm transformer block (SPEC section 5):
 * x1 = x + SA(LN1(x)), out = x1 + FFN(LN2(x1)), FFN = d → 4d → d with GELU. Activations are
 * (batch·time, d) matrices so that every linear layer is one fused matrix product with its bias
 * (libtorch's addmm; a 3-d input would take a product and a separate bias addition).
 */
final class TransformerBlock {

    /** PyTorch's LayerNorm epsilon, as peer_gpt.py. */
    static final float NORM_EPSILON = 1e-5f;

    private final CausalSelfAttention attention;
    private final Shape normalized;
    private final float dropout;

    TransformerBlock(GptConfig config, NDArray scale) {
        this.attention = new CausalSelfAttention(config, scale);
        this.normalized = new Shape(config.d());
        this.dropout = (float) config.dropout();
    }

    /** The block's output; every named activation passes through {@code pass.hook()} on its way. */
    NDArray forward(NDArray x, BlockWeights w, int layer, int batch, NDArray mask, Pass pass) {
        ActivationHook hook = pass.hook();
        x = hook.at(HookPoint.RESID_PRE, layer, x);
        NDArray normed1 = x.getNDArrayInternal().layerNorm(x, normalized, w.norm1Gain(), w.norm1Bias(), NORM_EPSILON).singletonOrThrow();
        NDArray sa = attention.forward(normed1, w, batch, mask, layer, pass);
        NDArray attended = hook.at(HookPoint.ATTN_OUT, layer, Dropout.apply(sa, dropout, pass.training()));
        NDArray x1 = hook.at(HookPoint.RESID_MID, layer, x.add(attended));
        NDArray normed2 = x1.getNDArrayInternal().layerNorm(x1, normalized, w.norm2Gain(), w.norm2Bias(), NORM_EPSILON).singletonOrThrow();
        NDArray hidden = normed2.getNDArrayInternal().linear(normed2, w.upWeight(), w.upBias()).singletonOrThrow();
        hidden = hidden.getNDArrayInternal().gelu();
        NDArray fed = hidden.getNDArrayInternal().linear(hidden, w.downWeight(), w.downBias()).singletonOrThrow();
        fed = hook.at(HookPoint.MLP_OUT, layer, Dropout.apply(fed, dropout, pass.training()));
        return hook.at(HookPoint.RESID_POST, layer, x1.add(fed));
    }
}
