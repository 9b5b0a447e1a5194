package org.threshold.analysis.transition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Finds a mixture's transition point from its runs (SPEC section 7, issue 6): the logistic fit of
 * accuracy against log10(parameters), where it crosses the threshold, a bootstrap interval over
 * seeds, and an honest account of every case where the sweep cannot give a number.
 *
 * <pre>{@code
 * TransitionPoint sum = new TransitionAnalysis(TransitionSettings.defaults()).analyze("SUM 900", runs);
 * System.out.println(sum.describe());   // 31.2k parameters (95% CI 27.0k–36.5k)
 * }</pre>
 *
 * <p>The cases, in the order they are checked:
 * <ol>
 *   <li>one size only: undetermined (a curve needs two sizes);</li>
 *   <li>no run above the threshold: a bound "above the largest size" with "no fit" as the reason;
 *       every run above: "below the smallest size";</li>
 *   <li>fewer than {@link TransitionSettings#minRunsPerSide()} runs on one side: a bound when the
 *       extreme size on the other side agrees (most runs at the smallest size above the threshold:
 *       "below the smallest size"; most at the largest at or below it: "above the largest size"),
 *       else undetermined; the curve is still fitted for the picture, and neither gets an interval;</li>
 *   <li>the fitted curve never reaches the threshold (hi at or below it): undetermined; the curve
 *       lies wholly above it (lo at or above it): below the smallest size;</li>
 *   <li>a crossing outside the measured sizes: a bound, not the extrapolated value;</li>
 *   <li>otherwise the value; flagged as step-like when k sits at its bound or the 10%–90% rise is
 *       narrower than the smallest spacing between sizes, with the two sizes the step lies between.</li>
 * </ol>
 */
public final class TransitionAnalysis {

    private final TransitionSettings settings;
    private final LogisticFitter fitter = new LogisticFitter();

    public TransitionAnalysis(TransitionSettings settings) {
        this.settings = settings;
    }

    public TransitionSettings settings() {
        return settings;
    }

    /**
     * @param mixture the name the results carry ("MAX+MED+SUM")
     * @param runs the mixture's finished runs, any number of seeds and sizes
     */
    public TransitionPoint analyze(String mixture, List<RunAccuracy> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("mixture " + mixture + " has no finished runs to fit");
        }
        double threshold = settings.threshold();
        String percent = settings.thresholdText();
        List<SizeTally> tallies = tallies(runs, threshold);
        long smallest = tallies.get(0).parameters();
        long largest = tallies.get(tallies.size() - 1).parameters();
        int above = tallies.stream().mapToInt(SizeTally::above).sum();
        int atOrBelow = runs.size() - above;
        List<String> notes = new ArrayList<>();

        if (tallies.size() < 2) {
            return result(mixture, runs, tallies, Optional.empty(), new TransitionEstimate.Undetermined(
                    "no fit: only one model size was measured (" + ParameterCount.format(smallest)
                            + "); a curve needs at least two"), Optional.empty(), false, notes);
        }
        if (above == 0) {
            return result(mixture, runs, tallies, Optional.empty(), new TransitionEstimate.Bounded(Side.ABOVE, largest,
                    "no fit: all " + runs.size() + " runs are at or below " + percent), Optional.empty(), false, notes);
        }
        if (atOrBelow == 0) {
            return result(mixture, runs, tallies, Optional.empty(), new TransitionEstimate.Bounded(Side.BELOW, smallest,
                    "no fit: all " + runs.size() + " runs are above " + percent), Optional.empty(), false, notes);
        }

        double[] x = runs.stream().mapToDouble(RunAccuracy::log10Parameters).toArray();
        double[] y = runs.stream().mapToDouble(RunAccuracy::accuracy).toArray();
        Optional<LogisticFit> fit = fitter.fit(x, y);
        if (fit.isEmpty()) {
            return result(mixture, runs, tallies, fit, new TransitionEstimate.Undetermined(
                    "no fit: the logistic fit did not converge from any starting point"), Optional.empty(), false, notes);
        }
        LogisticCurve curve = fit.get().curve();
        // No interval for an estimate the data cannot carry: it would lend it a precision it lacks.
        if (above < settings.minRunsPerSide() || atOrBelow < settings.minRunsPerSide()) {
            String side = above < settings.minRunsPerSide()
                    ? above + " of " + runs.size() + " runs are above " + percent
                    : atOrBelow + " of " + runs.size() + " runs are at or below " + percent;
            // The counts still bound the crossing when the extreme size agrees with the bulk: most
            // runs at the smallest size above the threshold put the 50% point below it, and the mirror.
            SizeTally first = tallies.get(0);
            SizeTally last = tallies.get(tallies.size() - 1);
            if (atOrBelow < settings.minRunsPerSide() && 2 * first.above() > first.runs()) {
                return result(mixture, runs, tallies, fit, new TransitionEstimate.Bounded(Side.BELOW, smallest,
                        "too few points to place a crossing (only " + side + "), and " + first.above() + " of "
                                + first.runs() + " runs at the smallest size are above it"), Optional.empty(), false, notes);
            }
            if (above < settings.minRunsPerSide() && 2 * last.above() < last.runs()) {
                return result(mixture, runs, tallies, fit, new TransitionEstimate.Bounded(Side.ABOVE, largest,
                        "too few points to place a crossing (only " + side + "), and " + (last.runs() - last.above())
                                + " of " + last.runs() + " runs at the largest size are at or below it"), Optional.empty(),
                        false, notes);
            }
            return result(mixture, runs, tallies, fit, new TransitionEstimate.Undetermined(
                    "too few points to place a crossing: only " + side + " (at least " + settings.minRunsPerSide()
                            + " needed on each side)"), Optional.empty(), false, notes);
        }
        OptionalDouble crossing = curve.log10Crossing(threshold);
        if (curve.lo() < threshold && crossing.isEmpty()) {
            return result(mixture, runs, tallies, fit, new TransitionEstimate.Undetermined(
                    "no crossing: the fitted curve levels off at " + Percent.format(curve.hi()) + ", below the "
                            + percent + " threshold"), Optional.empty(), false, notes);
        }
        Optional<BootstrapInterval> interval = bootstrap(runs, curve, notes);
        if (curve.lo() >= threshold) {
            return result(mixture, runs, tallies, fit, new TransitionEstimate.Bounded(Side.BELOW, smallest,
                    "the fitted curve is above " + percent + " at every size (its lower level is "
                            + Percent.format(curve.lo()) + ")"), interval, false, notes);
        }
        double at = crossing.getAsDouble();
        if (at < Math.log10(smallest)) {
            return result(mixture, runs, tallies, fit, new TransitionEstimate.Bounded(Side.BELOW, smallest,
                    "the fitted curve crosses " + percent + " below the smallest size measured"), interval, false, notes);
        }
        if (at > Math.log10(largest)) {
            return result(mixture, runs, tallies, fit, new TransitionEstimate.Bounded(Side.ABOVE, largest,
                    "the fitted curve crosses " + percent + " above the largest size measured"), interval, false, notes);
        }

        double spacing = smallestSpacing(tallies);
        boolean stepLike = fit.get().steepnessAtBound() || curve.width() < spacing;
        if (stepLike) {
            notes.add(0, stepNote(curve, spacing, tallies, at));
        }
        return result(mixture, runs, tallies, fit, new TransitionEstimate.Located(Math.pow(10, at)), interval, stepLike, notes);
    }

    private TransitionPoint result(String mixture, List<RunAccuracy> runs, List<SizeTally> tallies,
                                   Optional<LogisticFit> fit, TransitionEstimate estimate,
                                   Optional<BootstrapInterval> interval, boolean stepLike, List<String> notes) {
        return new TransitionPoint(mixture, settings.threshold(), runs, tallies, fit, estimate, interval, stepLike, notes);
    }

    private Optional<BootstrapInterval> bootstrap(List<RunAccuracy> runs, LogisticCurve curve, List<String> notes) {
        if (settings.resamples() == 0) {
            return Optional.empty();
        }
        long seeds = runs.stream().map(RunAccuracy::seed).distinct().count();
        if (seeds < 2) {
            notes.add("one seed only: no bootstrap interval");
            return Optional.empty();
        }
        Optional<BootstrapInterval> interval = new SeedBootstrap(settings, fitter).interval(runs, curve);
        if (interval.isEmpty()) {
            notes.add("no bootstrap resample could be fitted: no interval");
        }
        return interval;
    }

    private static String stepNote(LogisticCurve curve, double spacing, List<SizeTally> tallies, double at) {
        long below = tallies.get(0).parameters();
        long aboveSize = tallies.get(tallies.size() - 1).parameters();
        for (SizeTally tally : tallies) {
            double x = Math.log10(tally.parameters());
            if (x <= at) {
                below = tally.parameters();
            } else {
                aboveSize = tally.parameters();
                break;
            }
        }
        String why = curve.k() >= LogisticFitter.MAX_STEEPNESS * (1 - 1e-6)
                ? String.format(Locale.ROOT, "steepness at its bound k = %.0f per decade", curve.k())
                : String.format(Locale.ROOT, "10%%–90%% rise over %.3f decades, less than the %.3f-decade spacing of the sizes",
                        curve.width(), spacing);
        return "step-like fit (" + why + "): the data place the crossing only between "
                + ParameterCount.format(below) + " and " + ParameterCount.format(aboveSize);
    }

    /** The smallest gap between consecutive measured sizes, in decades. */
    private static double smallestSpacing(List<SizeTally> tallies) {
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 1; i < tallies.size(); i++) {
            smallest = Math.min(smallest, Math.log10(tallies.get(i).parameters()) - Math.log10(tallies.get(i - 1).parameters()));
        }
        return smallest;
    }

    /** Per size, ascending: how many runs are strictly above the threshold. */
    public static List<SizeTally> tallies(List<RunAccuracy> runs, double threshold) {
        Map<Long, List<RunAccuracy>> bySize = new TreeMap<>();
        for (RunAccuracy run : runs) {
            bySize.computeIfAbsent(run.parameters(), size -> new ArrayList<>()).add(run);
        }
        List<SizeTally> tallies = new ArrayList<>();
        bySize.forEach((size, sized) -> tallies.add(new SizeTally(size, sized.size(),
                (int) sized.stream().filter(r -> r.accuracy() > threshold).count(),
                sized.stream().mapToDouble(RunAccuracy::accuracy).average().orElseThrow())));
        return tallies;
    }
}
