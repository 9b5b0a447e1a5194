package org.threshold.trainer.step;

import org.threshold.trainer.TrainingConfig;

/**
 * The learning rate of each step (SPEC section 6): a linear warm-up from 0 over {@code warmup}
 * steps, then either cosine decay from the peak to the minimum, reached at the last step, or the
 * peak held constant.
 *
 * <p>Steps count from 0. During warm-up step s gets peak·(s+1)/(warmup+1), nanoGPT's form: it
 * rises linearly from near 0 and no step is wasted on a rate of exactly 0. Cosine decay: with
 * r = (s − warmup)/(last − warmup), rate = min + ½(1 + cos πr)(peak − min), so the first step
 * after warm-up gets the peak and the last step (steps − 1) gets the minimum.
 */
public final class LearningRateSchedule {

    private final double peak;
    private final double minimum;
    private final int warmup;
    private final int steps;
    private final boolean cosine;

    public LearningRateSchedule(double peak, double minimum, int warmup, int steps, boolean cosine) {
        if (steps < 1) {
            throw new IllegalArgumentException("a schedule needs at least one step, got " + steps);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("warmup must be >= 0, got " + warmup);
        }
        if (!(peak >= 0) || !(minimum >= 0) || minimum > peak) {
            throw new IllegalArgumentException("expected 0 <= min_lr <= lr, got min_lr " + minimum + " and lr " + peak);
        }
        this.peak = peak;
        this.minimum = minimum;
        this.warmup = warmup;
        this.steps = steps;
        this.cosine = cosine;
    }

    /** The schedule a run's training settings describe, over {@code steps} steps in all. */
    public static LearningRateSchedule of(TrainingConfig config, int steps) {
        return new LearningRateSchedule(config.learningRate(), config.minLearningRate(), config.warmupSteps(), steps,
                config.schedule().equals("cosine"));
    }

    /** The learning rate of step {@code step} (0-based); past the last step, the last step's. */
    public double rate(int step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        if (step < warmup) {
            return peak * (step + 1) / (warmup + 1);
        }
        if (!cosine) {
            return peak;
        }
        int last = steps - 1;
        if (last <= warmup) {
            return peak;
        }
        double ratio = Math.min(1.0, (double) (step - warmup) / (last - warmup));
        return minimum + 0.5 * (1 + Math.cos(Math.PI * ratio)) * (peak - minimum);
    }

    public int steps() {
        return steps;
    }
}
