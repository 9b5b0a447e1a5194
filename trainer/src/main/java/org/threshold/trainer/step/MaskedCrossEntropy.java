package org.threshold.trainer.step;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Mean next-token cross-entropy over the targets that count (SPEC section 6): padding never
 * counts, and with completion-only loss neither do the prompt's tokens. Written with arrays only,
 * no Java scalars, which DJL 0.35 differentiated wrongly (DESIGN.md).
 */
final class MaskedCrossEntropy {

    private MaskedCrossEntropy() {
    }

    /**
     * @param logits (size, length, vocabulary)
     * @param manager where the batch's target and mask arrays are made
     * @return the loss, a 0-d array
     */
    static NDArray loss(NDArray logits, TokenBatch batch, NDManager manager) {
        NDArray targets = manager.create(batch.targets(), new Shape(batch.size(), batch.length(), 1));
        NDArray logLikelihood = logits.logSoftmax(2).gather(targets, 2);
        if (batch.countsEveryTarget()) {
            return logLikelihood.mean().neg();
        }
        float[] weights = batch.lossMask().clone();
        float share = 1f / batch.counted();
        for (int i = 0; i < weights.length; i++) {
            weights[i] *= share;
        }
        NDArray weighting = manager.create(weights, new Shape(batch.size(), batch.length(), 1));
        return logLikelihood.mul(weighting).sum().neg();
    }
}
