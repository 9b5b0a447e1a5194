package org.threshold.analysis.sweep;

import java.util.List;
import java.util.Optional;
import org.threshold.analysis.transition.EstimatorAgreement;
import org.threshold.analysis.transition.LearnedTransition;
import org.threshold.analysis.transition.TransitionPoint;

/**
 * One mixture's result: its transition point when it has finished runs to fit, and what the
 * reader must know about the runs left out.
 *
 * @param mixture the label
 * @param point the transition point, the least-squares fit of accuracy; empty when no run of the
 *     mixture can be fitted
 * @param learned the second estimate, the logistic fit of learned-or-not; empty likewise
 * @param notes runs left out of the fit and why ("4 of 16 runs have not finished")
 */
public record MixtureTransition(String mixture, Optional<TransitionPoint> point, Optional<LearnedTransition> learned,
                                List<String> notes) {

    public MixtureTransition {
        notes = List.copyOf(notes);
    }

    /** The estimate in words, with its interval and notes; or why there is none. */
    public String describe() {
        String text = point.map(TransitionPoint::describe).orElse("no finished run to fit");
        return notes.isEmpty() ? text : text + "; " + String.join("; ", notes);
    }

    /** Where the two estimators disagree beyond their intervals, if they do. */
    public Optional<String> disagreement() {
        return point.flatMap(p -> learned.flatMap(l -> EstimatorAgreement.disagreement(p, l)));
    }
}
