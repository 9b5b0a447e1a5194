package org.threshold.analysis.transition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A task mixture's transition point (SPEC section 7): the runs it came from, the per-size counts,
 * the logistic fit, the estimate (a value, a bound or no answer), its bootstrap interval and the
 * notes a reader must see (a step-like fit, a single seed).
 *
 * @param mixture the task mixture's name, e.g. "MAX+MED+SUM"
 * @param threshold the absolute accuracy the curve crosses
 * @param runs the runs fitted
 * @param tallies per size, ascending: runs above the threshold
 * @param fit the least-squares curve; empty when none was attempted or none converged
 * @param estimate where the transition lies
 * @param interval the bootstrap interval over seeds; empty with one seed, no fit, or no resamples
 * @param stepLike whether the fit is a step (k at its bound, or a rise narrower than the spacing of
 *     the sizes): the crossing is then only known to lie between two measured sizes
 * @param notes caveats in words, in the order they matter
 */
public record TransitionPoint(String mixture, double threshold, List<RunAccuracy> runs, List<SizeTally> tallies,
                              Optional<LogisticFit> fit, TransitionEstimate estimate,
                              Optional<BootstrapInterval> interval, boolean stepLike, List<String> notes) {

    public TransitionPoint {
        runs = List.copyOf(runs);
        tallies = List.copyOf(tallies);
        notes = List.copyOf(notes);
    }

    /**
     * One line: "31.2k parameters (95% CI 27.0k–36.5k)", "below 4.1k (all 12 runs are above
     * 50%)", followed by the notes.
     */
    public String describe() {
        StringBuilder text = new StringBuilder(estimate.describe());
        if (estimate instanceof TransitionEstimate.Bounded bound) {
            text.append(" (").append(bound.reason()).append(')');
        }
        interval.ifPresent(ci -> {
            text.append(" (").append(ci.describe());
            if (!ci.allLocated()) {
                text.append("; ").append(ci.crossingSummary(threshold));
            }
            text.append(')');
        });
        for (String note : notes) {
            text.append("; ").append(note);
        }
        return text.toString();
    }

    /** How many runs are above the threshold, over all sizes. */
    public int runsAbove() {
        return tallies.stream().mapToInt(SizeTally::above).sum();
    }

    /** The smallest measured parameter count. */
    public long smallestSize() {
        return tallies.get(0).parameters();
    }

    /** The largest measured parameter count. */
    public long largestSize() {
        return tallies.get(tallies.size() - 1).parameters();
    }

    /**
     * The numbers, by stable name, for JSON and CSV: {@code transition_parameters} or
     * {@code bound_below}/{@code bound_above}, {@code ci_lower}/{@code ci_upper} (only where an
     * endpoint is a value), the fit's {@code lo, hi, k, x0, rms_residual}, and run counts.
     */
    public Map<String, Double> figures() {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("threshold", threshold);
        figures.put("runs", (double) runs.size());
        figures.put("runs_above", (double) runsAbove());
        if (estimate instanceof TransitionEstimate.Located located) {
            figures.put("transition_parameters", located.parameters());
        } else if (estimate instanceof TransitionEstimate.Bounded bound) {
            figures.put(bound.side() == Side.BELOW ? "bound_below" : "bound_above", bound.parameters());
        }
        interval.ifPresent(ci -> {
            if (ci.lower() instanceof TransitionEstimate.Located lower) {
                figures.put("ci_lower", lower.parameters());
            }
            if (ci.upper() instanceof TransitionEstimate.Located upper) {
                figures.put("ci_upper", upper.parameters());
            }
            figures.put("bootstrap_resamples", (double) ci.resamples());
            figures.put("bootstrap_located", (double) ci.located());
        });
        fit.ifPresent(f -> {
            figures.put("lo", f.curve().lo());
            figures.put("hi", f.curve().hi());
            figures.put("k", f.curve().k());
            figures.put("x0", f.curve().x0());
            figures.put("rms_residual", f.rmsResidual());
        });
        figures.put("step_like", stepLike ? 1.0 : 0.0);
        return figures;
    }
}
