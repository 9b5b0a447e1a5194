package org.threshold.trainer.step;

/**
 * What one training step did.
 *
 * @param step 0-based index of the step
 * @param loss the batch's mean cross-entropy before the update
 * @param gradientNorm global norm of the gradients before clipping
 * @param learningRate the rate the update used
 * @param updated false when the loss or the gradients were not finite: the weights were left
 *     alone, and the run should stop (SPEC section 6's runs keep their last good checkpoint)
 */
public record StepResult(int step, float loss, float gradientNorm, double learningRate, boolean updated) {
}
