package org.threshold.analysis.transition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The second estimate of a mixture's transition point (issue 19): each run is learned or not
 * (its metric at or above the threshold), and P(learned) against log10(parameters) is a logistic
 * psychometric function fitted by Firth-penalized maximum likelihood ({@link FirthLogistic}); the
 * transition point is where P(learned) = 1/2, with a bootstrap interval over seeds drawn exactly
 * as the least-squares fit's ({@link TransitionPoint}).
 *
 * @param mixture the label
 * @param threshold the accuracy at or above which a run counts as learned
 * @param learned runs counted as learned
 * @param runs runs in all
 * @param fit the fitted psychometric function; empty when none could be fitted
 * @param estimate the value, a bound, or why there is none
 * @param interval the bootstrap interval, when there are two seeds or more and the outcomes are not
 *     perfectly separated (then every resample is separated alike, and the bracket is the range)
 * @param separation when the outcomes are perfectly separated by size: the sizes that bracket the crossing
 * @param notes what the reader must know
 */
public record LearnedTransition(String mixture, double threshold, int learned, int runs, Optional<FirthLogistic.Fit> fit,
                                TransitionEstimate estimate, Optional<BootstrapInterval> interval,
                                Optional<Separation> separation, List<String> notes) {

    public LearnedTransition {
        notes = List.copyOf(notes);
    }

    /**
     * Every run up to {@code lastUnlearned} parameters failed and every run from {@code firstLearned}
     * on learned: the data place the crossing only between the two; the penalized fit gives a
     * finite estimate between them, which the penalty, not the data, makes precise.
     */
    public record Separation(long lastUnlearned, long firstLearned) {

        public String describe() {
            return "perfectly separated: no run up to " + ParameterCount.format(lastUnlearned) + " learned and every run from "
                    + ParameterCount.format(firstLearned) + " on did, so the data place the crossing only between them (the "
                    + "value is the Firth-penalized fit's; no bootstrap interval)";
        }
    }

    /** "6.0k parameters (95% CI 4.9k–7.1k)", the bound, or why there is none; then the notes. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        String text = estimate.describe();
        if (estimate instanceof TransitionEstimate.Undetermined u) {
            text = u.reason();
        } else if (estimate instanceof TransitionEstimate.Bounded b) {
            text = b.describe() + " (" + b.reason() + ")";
        }
        parts.add(text + interval.map(ci -> " (" + ci.describe() + ")").orElse(""));
        separation.ifPresent(s -> parts.add(s.describe()));
        parts.addAll(notes);
        return String.join("; ", parts);
    }
}
