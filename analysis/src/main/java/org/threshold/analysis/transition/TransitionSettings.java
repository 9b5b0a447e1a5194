package org.threshold.analysis.transition;

/**
 * How a transition point is found (SPEC section 7); the defaults are the paper's.
 *
 * @param threshold the absolute accuracy the fitted curve must cross: 0.5 in most of the paper's
 *     figures, 0.8 in figures 1 and 6
 * @param confidence the bootstrap interval's coverage, e.g. 0.95
 * @param resamples bootstrap resamples of the seeds; 0 skips the bootstrap
 * @param bootstrapSeed seeds the resampling, so the same sweep gives the same interval
 * @param minRunsPerSide fewer runs than this above (or at and below) the threshold, and the sweep
 *     is reported as having too few points to place a crossing
 */
public record TransitionSettings(double threshold, double confidence, int resamples, long bootstrapSeed,
                                 int minRunsPerSide) {

    public TransitionSettings {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be an accuracy strictly between 0 and 1 (0.5 or 0.8 in the paper), got " + threshold);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be strictly between 0 and 1 (e.g. 0.95), got " + confidence);
        }
        if (resamples < 0) {
            throw new IllegalArgumentException("bootstrap resamples must be >= 0 (0 turns the bootstrap off), got " + resamples);
        }
        if (minRunsPerSide < 1) {
            throw new IllegalArgumentException("minRunsPerSide must be at least 1, got " + minRunsPerSide);
        }
    }

    /** 50% threshold, 95% interval from 1,000 resamples with seed 1, at least 2 runs per side. */
    public static TransitionSettings defaults() {
        return new TransitionSettings(0.5, 0.95, 1000, 1L, 2);
    }

    public TransitionSettings withThreshold(double newThreshold) {
        return new TransitionSettings(newThreshold, confidence, resamples, bootstrapSeed, minRunsPerSide);
    }

    public TransitionSettings withResamples(int newResamples) {
        return new TransitionSettings(threshold, confidence, newResamples, bootstrapSeed, minRunsPerSide);
    }

    /** "50%". */
    String thresholdText() {
        return Percent.format(threshold);
    }
}
