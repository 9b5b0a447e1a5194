package org.threshold.trainer.step;

/**
 * Clipping of the global gradient norm, as PyTorch's {@code clip_grad_norm_}: when the norm of
 * all gradients together exceeds {@code maxNorm}, every gradient is scaled by
 * maxNorm / (norm + 1e-6); otherwise left alone.
 *
 * @param maxNorm the largest norm let through; 0 turns clipping off
 */
public record GradientClipping(double maxNorm) {

    public GradientClipping {
        if (!(maxNorm >= 0)) {
            throw new IllegalArgumentException("the clipping norm must be >= 0 (0 turns clipping off), got " + maxNorm);
        }
    }

    /** The factor the gradients are multiplied by, given their global norm. */
    public double scale(double norm) {
        if (maxNorm == 0) {
            return 1;
        }
        return Math.min(1.0, maxNorm / (norm + 1e-6));
    }
}
