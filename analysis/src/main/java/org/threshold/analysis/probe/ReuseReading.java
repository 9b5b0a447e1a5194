package org.threshold.analysis.probe;

import java.util.List;

/**
 * What the component-reuse probe reads from a model, at the last position of each prompt (the
 * answer position): every layer's MLP output, the answer it predicts, and the answer with one
 * layer's MLP output there replaced (activation patching). Prompts of one call have one length.
 */
interface ReuseReading {

    /** How many layers (block applications) the model has. */
    int layers();

    /** {@code [prompt][layer][d]}: {@code blocks.{l}.hook_mlp_out} at the prompt's last position. */
    double[][][] mlpOut(List<int[]> prompts);

    /** The token the model predicts after each prompt (the argmax of its last logits). */
    int[] answers(List<int[]> prompts);

    /**
     * The predicted token after each prompt when {@code blocks.{layer}.hook_mlp_out} at its last
     * position is {@code rows[i]} instead of its own, everything downstream computed from it.
     */
    int[] patchedAnswers(List<int[]> prompts, int layer, double[][] rows);
}
