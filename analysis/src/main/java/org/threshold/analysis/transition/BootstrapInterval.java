package org.threshold.analysis.transition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A percentile confidence interval of the transition point from resampling seeds (SPEC section 7).
 *
 * <p>Each resample's crossing is placed on one line: below the measured sizes &lt; a crossing
 * inside them &lt; above the measured sizes (which includes curves that never reach the
 * threshold). An endpoint that falls outside the measured sizes is therefore itself a bound
 * ("95% CI &lt;4.1k–36.5k"), never an extrapolated number. Resamples whose fit failed (a resample
 * with one size only, or no converging start) are left out and counted.
 *
 * @param confidence e.g. 0.95
 * @param lower the lower endpoint: a {@link TransitionEstimate.Located} value or a
 *     {@link TransitionEstimate.Bounded} below the smallest size
 * @param upper the upper endpoint, likewise
 * @param resamples how many resamples were drawn
 * @param located how many crossed the threshold inside the measured sizes
 * @param belowRange how many crossed (or lay wholly above the threshold) below the smallest size
 * @param aboveRange how many crossed above the largest size or never reached the threshold
 * @param failed how many could not be fitted
 * @param log10Crossings each resample's crossing as log10(parameters) in draw order:
 *     {@code -Infinity} below the range, {@code +Infinity} above it, {@code NaN} failed
 */
public record BootstrapInterval(double confidence, TransitionEstimate lower, TransitionEstimate upper,
                                int resamples, int located, int belowRange, int aboveRange, int failed,
                                List<Double> log10Crossings) {

    public BootstrapInterval {
        if (lower instanceof TransitionEstimate.Undetermined || upper instanceof TransitionEstimate.Undetermined) {
            throw new IllegalArgumentException("interval endpoints are values or bounds");
        }
        if (located + belowRange + aboveRange + failed != resamples || log10Crossings.size() != resamples) {
            throw new IllegalArgumentException("resample counts do not add up to " + resamples);
        }
        log10Crossings = Collections.unmodifiableList(new ArrayList<>(log10Crossings));
    }

    /** "95% CI 27.0k–36.5k", with "&lt;4.1k" or "&gt;53.2k" for an endpoint outside the sizes. */
    public String describe() {
        return String.format(Locale.ROOT, "%s CI %s–%s", Percent.format(confidence), endpoint(lower), endpoint(upper));
    }

    /** "987 of 1000 bootstrap fits crossed 50% within the measured sizes". */
    public String crossingSummary(double threshold) {
        String summary = located + " of " + resamples + " bootstrap fits crossed " + Percent.format(threshold)
                + " within the measured sizes";
        List<String> others = new ArrayList<>();
        if (belowRange > 0) {
            others.add(belowRange + " below them");
        }
        if (aboveRange > 0) {
            others.add(aboveRange + " above them or never");
        }
        if (failed > 0) {
            others.add(failed + " could not be fitted");
        }
        return others.isEmpty() ? summary : summary + " (" + String.join(", ", others) + ")";
    }

    /** Whether every resample crossed inside the measured sizes. */
    public boolean allLocated() {
        return located == resamples;
    }

    private static String endpoint(TransitionEstimate estimate) {
        if (estimate instanceof TransitionEstimate.Located located) {
            return ParameterCount.format(located.parameters());
        }
        TransitionEstimate.Bounded bound = (TransitionEstimate.Bounded) estimate;
        return bound.side().symbol() + ParameterCount.format(bound.parameters());
    }
}
