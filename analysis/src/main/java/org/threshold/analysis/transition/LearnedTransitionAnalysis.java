package org.threshold.analysis.transition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a mixture's {@link LearnedTransition}: Firth-penalized logistic regression of learned-or-not
 * on log10(parameters). It complements the least-squares fit of accuracy ({@link
 * TransitionAnalysis}), which weighs how far above or below the threshold each run ends; this one
 * counts only which side it ends on, as a psychometric function counts yes/no answers.
 *
 * <p>The cases, in order: one size only, undetermined; no run learned, above the largest size;
 * every run learned, below the smallest size; a fit that does not converge or whose P(learned)
 * does not rise with size, undetermined; a crossing outside the measured sizes, a bound;
 * otherwise the value, with the bracketing sizes when the outcomes are perfectly separated.
 */
public final class LearnedTransitionAnalysis {

    private final TransitionSettings settings;
    private final FirthLogistic firth = new FirthLogistic();

    public LearnedTransitionAnalysis(TransitionSettings settings) {
        this.settings = settings;
    }

    public LearnedTransition analyze(String mixture, List<RunAccuracy> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("mixture " + mixture + " has no finished runs to fit");
        }
        double threshold = settings.threshold();
        String percent = "≥ " + settings.thresholdText();
        int learned = (int) runs.stream().filter(r -> learned(r, threshold)).count();
        long smallest = runs.stream().mapToLong(RunAccuracy::parameters).min().orElseThrow();
        long largest = runs.stream().mapToLong(RunAccuracy::parameters).max().orElseThrow();
        List<String> notes = new ArrayList<>();
        if (smallest == largest) {
            return result(mixture, learned, runs, Optional.empty(), new TransitionEstimate.Undetermined(
                    "no fit: only one model size was measured (" + ParameterCount.format(smallest) + ")"), Optional.empty(),
                    Optional.empty(), notes);
        }
        if (learned == 0) {
            return result(mixture, learned, runs, Optional.empty(), new TransitionEstimate.Bounded(Side.ABOVE, largest,
                    "no run of " + runs.size() + " reached " + percent), Optional.empty(), Optional.empty(), notes);
        }
        if (learned == runs.size()) {
            return result(mixture, learned, runs, Optional.empty(), new TransitionEstimate.Bounded(Side.BELOW, smallest,
                    "all " + runs.size() + " runs reached " + percent), Optional.empty(), Optional.empty(), notes);
        }
        Optional<FirthLogistic.Fit> fit = fit(runs, threshold);
        if (fit.isEmpty()) {
            return result(mixture, learned, runs, fit, new TransitionEstimate.Undetermined(
                    "no fit: the penalized likelihood did not converge"), Optional.empty(), Optional.empty(), notes);
        }
        Optional<Double> midpoint = fit.get().midpoint();
        if (midpoint.isEmpty()) {
            return result(mixture, learned, runs, fit, new TransitionEstimate.Undetermined(
                    "no crossing: the fitted P(learned) does not rise with size"), Optional.empty(), Optional.empty(), notes);
        }
        Optional<LearnedTransition.Separation> separation = separation(runs, threshold);
        double at = midpoint.get();
        double xMin = Math.log10(smallest);
        double xMax = Math.log10(largest);
        // Separated outcomes resample to the same separation: every bootstrap fit then lands on the
        // same penalized midpoint, an interval of zero width that the data do not carry. The
        // honest range is the bracket itself.
        Optional<BootstrapInterval> interval = separation.isPresent() ? Optional.empty()
                : interval(runs, threshold, xMin, xMax, notes);
        if (at < xMin) {
            return result(mixture, learned, runs, fit, new TransitionEstimate.Bounded(Side.BELOW, smallest,
                    "P(learned) = 50% below the smallest size measured"), interval, separation, notes);
        }
        if (at > xMax) {
            return result(mixture, learned, runs, fit, new TransitionEstimate.Bounded(Side.ABOVE, largest,
                    "P(learned) = 50% above the largest size measured"), interval, separation, notes);
        }
        return result(mixture, learned, runs, fit, new TransitionEstimate.Located(Math.pow(10, at)), interval, separation, notes);
    }

    /** A run counts as learned when its metric is at or above the threshold. */
    public static boolean learned(RunAccuracy run, double threshold) {
        return run.accuracy() >= threshold;
    }

    private Optional<FirthLogistic.Fit> fit(List<RunAccuracy> runs, double threshold) {
        double[] x = runs.stream().mapToDouble(RunAccuracy::log10Parameters).toArray();
        int[] y = runs.stream().mapToInt(r -> learned(r, threshold) ? 1 : 0).toArray();
        return firth.fit(x, y);
    }

    private Optional<BootstrapInterval> interval(List<RunAccuracy> runs, double threshold, double xMin, double xMax,
                                                 List<String> notes) {
        if (settings.resamples() == 0) {
            return Optional.empty();
        }
        if (runs.stream().map(RunAccuracy::seed).distinct().count() < 2) {
            notes.add("one seed only: no bootstrap interval");
            return Optional.empty();
        }
        Optional<BootstrapInterval> interval = new SeedBootstrap(settings, new LogisticFitter()).interval(runs, resample -> {
            if (resample.stream().mapToLong(RunAccuracy::parameters).distinct().count() < 2) {
                return Double.NaN;
            }
            if (resample.stream().noneMatch(r -> learned(r, threshold))) {
                return Double.POSITIVE_INFINITY;
            }
            if (resample.stream().allMatch(r -> learned(r, threshold))) {
                return Double.NEGATIVE_INFINITY;
            }
            Optional<Double> c = fit(resample, threshold).flatMap(FirthLogistic.Fit::midpoint);
            if (c.isEmpty()) {
                return Double.NaN;
            }
            return c.get() < xMin ? Double.NEGATIVE_INFINITY : c.get() > xMax ? Double.POSITIVE_INFINITY : c.get();
        });
        if (interval.isEmpty()) {
            notes.add("no bootstrap resample could be fitted: no interval");
        }
        return interval;
    }

    /** The bracketing sizes when every unlearned run is smaller than every learned one. */
    static Optional<LearnedTransition.Separation> separation(List<RunAccuracy> runs, double threshold) {
        long lastUnlearned = runs.stream().filter(r -> !learned(r, threshold)).mapToLong(RunAccuracy::parameters).max().orElseThrow();
        long firstLearned = runs.stream().filter(r -> learned(r, threshold)).mapToLong(RunAccuracy::parameters).min().orElseThrow();
        return lastUnlearned < firstLearned ? Optional.of(new LearnedTransition.Separation(lastUnlearned, firstLearned))
                : Optional.empty();
    }

    private LearnedTransition result(String mixture, int learned, List<RunAccuracy> runs, Optional<FirthLogistic.Fit> fit,
                                     TransitionEstimate estimate, Optional<BootstrapInterval> interval,
                                     Optional<LearnedTransition.Separation> separation, List<String> notes) {
        return new LearnedTransition(mixture, settings.threshold(), learned, runs.size(), fit, estimate, interval, separation,
                notes);
    }
}
