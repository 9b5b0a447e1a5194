package org.threshold.analysis.transition;

import java.util.Optional;

/**
 * Whether the two estimators of a transition point agree: the least-squares fit of accuracy
 * ({@link TransitionPoint}) and the logistic fit of learned-or-not ({@link LearnedTransition}).
 * Each gives a range of log10(parameters): its interval when it has one (an endpoint outside the
 * measured sizes reaches to infinity), the bracket of a perfectly separated sweep, a bound's side
 * of its size, else the value alone. They disagree when the ranges do not overlap.
 */
public final class EstimatorAgreement {

    private EstimatorAgreement() {
    }

    /** Why they disagree, for the report; empty when they agree or one of them has no answer. */
    public static Optional<String> disagreement(TransitionPoint accuracyFit, LearnedTransition learnedFit) {
        Optional<double[]> a = range(accuracyFit.estimate(), accuracyFit.interval(), Optional.empty());
        Optional<double[]> b = range(learnedFit.estimate(), learnedFit.interval(), learnedFit.separation());
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        boolean overlap = a.get()[0] <= b.get()[1] && b.get()[0] <= a.get()[1];
        if (overlap) {
            return Optional.empty();
        }
        return Optional.of("the two estimators disagree beyond their intervals: the accuracy fit gives "
                + accuracyFit.describe() + ", the learned-or-not fit " + learnedFit.describe());
    }

    /** [low, high] in log10(parameters); empty for an undetermined estimate. */
    static Optional<double[]> range(TransitionEstimate estimate, Optional<BootstrapInterval> interval,
                                    Optional<LearnedTransition.Separation> separation) {
        if (estimate instanceof TransitionEstimate.Undetermined) {
            return Optional.empty();
        }
        if (separation.isPresent()) {
            return Optional.of(new double[] {Math.log10(separation.get().lastUnlearned()), Math.log10(separation.get().firstLearned())});
        }
        if (interval.isPresent()) {
            return Optional.of(new double[] {endpoint(interval.get().lower()), endpoint(interval.get().upper())});
        }
        if (estimate instanceof TransitionEstimate.Bounded bound) {
            double at = Math.log10(bound.parameters());
            return Optional.of(bound.side() == Side.BELOW ? new double[] {Double.NEGATIVE_INFINITY, at}
                    : new double[] {at, Double.POSITIVE_INFINITY});
        }
        double at = Math.log10(((TransitionEstimate.Located) estimate).parameters());
        return Optional.of(new double[] {at, at});
    }

    private static double endpoint(TransitionEstimate e) {
        if (e instanceof TransitionEstimate.Located v) {
            return Math.log10(v.parameters());
        }
        TransitionEstimate.Bounded b = (TransitionEstimate.Bounded) e;
        return b.side() == Side.BELOW ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
}
