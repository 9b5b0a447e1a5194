package org.threshold.analysis.transition;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The ratio of two mixtures' transition points, e.g. SUM alone / MAX+MED+SUM (the paper's
 * headline: joint training lowers the transition 2–7×). A ratio built from a bound is a bound:
 * "SUM is above 53k, MAX+MED+SUM is 14k" gives "above 3.8×". Two bounds pointing the same way
 * for the ratio give a bound on it; two that point in opposite directions give no answer.
 */
public sealed interface TransitionRatio
        permits TransitionRatio.Value, TransitionRatio.Bound, TransitionRatio.Unknown {

    /** The mixture whose transition point is divided. */
    String numerator();

    /** The mixture whose transition point divides. */
    String denominator();

    /** "SUM / MAX+MED+SUM: 3.42× (95% CI 2.10×–5.03×)". */
    String describe();

    /**
     * Both transition points are values.
     *
     * @param interval a percentile interval over the paired bootstrap resamples, present when both
     *     points have one with every resample crossing inside the measured sizes
     */
    record Value(String numerator, String denominator, double ratio, Optional<RatioInterval> interval)
            implements TransitionRatio {

        @Override
        public String describe() {
            String text = numerator + " / " + denominator + ": " + Times.format(ratio);
            return interval.map(ci -> text + " (" + ci.describe() + ")").orElse(text);
        }
    }

    /** The ratio lies below or above {@code ratio}; {@code reason} names the bounds it came from. */
    record Bound(String numerator, String denominator, Side side, double ratio, String reason)
            implements TransitionRatio {

        @Override
        public String describe() {
            return numerator + " / " + denominator + ": " + side.word() + " " + Times.format(ratio) + " (" + reason + ")";
        }
    }

    /** No value and no bound. */
    record Unknown(String numerator, String denominator, String reason) implements TransitionRatio {

        @Override
        public String describe() {
            return numerator + " / " + denominator + ": unknown (" + reason + ")";
        }
    }

    /**
     * A percentile interval of the ratio over resample pairs (the i-th resample of one mixture with
     * the i-th of the other; see {@link SeedBootstrap} for why they are paired by seed).
     */
    record RatioInterval(double confidence, double lower, double upper, int resamples) {

        public String describe() {
            return Percent.format(confidence) + " CI " + Times.format(lower) + "–" + Times.format(upper);
        }
    }

    /** numerator's transition point / denominator's. */
    static TransitionRatio of(TransitionPoint numerator, TransitionPoint denominator) {
        String a = numerator.mixture();
        String b = denominator.mixture();
        TransitionEstimate top = numerator.estimate();
        TransitionEstimate bottom = denominator.estimate();
        if (top instanceof TransitionEstimate.Undetermined u) {
            return new Unknown(a, b, a + ": " + u.reason());
        }
        if (bottom instanceof TransitionEstimate.Undetermined u) {
            return new Unknown(a, b, b + ": " + u.reason());
        }
        double ratio = parameters(top) / parameters(bottom);
        // A bound on the numerator bounds the ratio the same way; one on the denominator, the other way.
        Optional<Side> fromTop = side(top);
        Optional<Side> fromBottom = side(bottom).map(Side::opposite);
        if (fromTop.isEmpty() && fromBottom.isEmpty()) {
            return new Value(a, b, ratio, interval(numerator, denominator));
        }
        String reason = a + " is " + top.describe() + ", " + b + " is " + bottom.describe();
        if (fromTop.isPresent() && fromBottom.isPresent() && fromTop.get() != fromBottom.get()) {
            return new Unknown(a, b, reason + ": the bounds point in opposite directions for the ratio");
        }
        return new Bound(a, b, fromTop.or(() -> fromBottom).orElseThrow(), ratio, reason);
    }

    private static double parameters(TransitionEstimate estimate) {
        return estimate instanceof TransitionEstimate.Located l ? l.parameters() : ((TransitionEstimate.Bounded) estimate).parameters();
    }

    private static Optional<Side> side(TransitionEstimate estimate) {
        return estimate instanceof TransitionEstimate.Bounded bound ? Optional.of(bound.side()) : Optional.empty();
    }

    private static Optional<RatioInterval> interval(TransitionPoint numerator, TransitionPoint denominator) {
        if (numerator.interval().isEmpty() || denominator.interval().isEmpty()) {
            return Optional.empty();
        }
        BootstrapInterval top = numerator.interval().get();
        BootstrapInterval bottom = denominator.interval().get();
        if (!top.allLocated() || !bottom.allLocated() || top.resamples() != bottom.resamples()
                || top.confidence() != bottom.confidence()) {
            return Optional.empty();
        }
        List<Double> a = top.log10Crossings();
        List<Double> b = bottom.log10Crossings();
        double[] log10Ratios = new double[a.size()];
        for (int i = 0; i < log10Ratios.length; i++) {
            log10Ratios[i] = a.get(i) - b.get(i);
        }
        Arrays.sort(log10Ratios);
        double tail = (1 - top.confidence()) / 2;
        return Optional.of(new RatioInterval(top.confidence(),
                Math.pow(10, SeedBootstrap.percentile(log10Ratios, tail)),
                Math.pow(10, SeedBootstrap.percentile(log10Ratios, 1 - tail)), log10Ratios.length));
    }
}
