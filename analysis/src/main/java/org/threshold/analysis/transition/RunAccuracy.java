package org.threshold.analysis.transition;

/**
 * One finished run as the transition fit sees it: which seed it belongs to, its size and its final
 * value of the fitted metric (SPEC section 7).
 *
 * @param seed the seed label that groups runs for the bootstrap: the runs of one seed across sizes
 *     are resampled together, so runs sharing data and initial weights stay paired
 * @param parameters the model's trainable parameter count (SPEC section 5)
 * @param accuracy the named metric's final value, in [0, 1]
 */
public record RunAccuracy(String seed, long parameters, double accuracy) {

    public RunAccuracy {
        if (seed == null || seed.isBlank()) {
            throw new IllegalArgumentException("a run needs a seed label (e.g. \"seed=1\") to be bootstrapped by seed");
        }
        if (parameters <= 0) {
            throw new IllegalArgumentException("run of seed " + seed + ": parameter count must be positive, got " + parameters);
        }
        if (!(accuracy >= 0.0 && accuracy <= 1.0)) {
            throw new IllegalArgumentException("run of seed " + seed + " with " + parameters
                    + " parameters: accuracy must be a fraction in [0, 1], got " + accuracy);
        }
    }

    /** x of the fit: log10 of the parameter count. */
    public double log10Parameters() {
        return Math.log10(parameters);
    }
}
