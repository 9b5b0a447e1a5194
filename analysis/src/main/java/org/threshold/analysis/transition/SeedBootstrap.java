package org.threshold.analysis.transition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Resamples seeds with replacement, refits each resample and collects its crossing (SPEC section
 * 7). A seed's runs across sizes travel together, so a resample keeps each seed's whole size
 * curve, which is the unit that varies between repetitions of a sweep.
 *
 * <p>The resampling draws from the seed labels in sorted order with a {@link SplittableRandom}
 * seeded by the settings, so two mixtures that share seed labels draw the same seeds in their
 * i-th resamples: a bootstrap paired by seed, which {@link TransitionRatio} uses.
 */
final class SeedBootstrap {

    private final TransitionSettings settings;
    private final LogisticFitter fitter;

    SeedBootstrap(TransitionSettings settings, LogisticFitter fitter) {
        this.settings = settings;
        this.fitter = fitter;
    }

    /** Empty when no resample could be fitted. */
    Optional<BootstrapInterval> interval(List<RunAccuracy> runs, LogisticCurve fullFit) {
        long smallest = runs.stream().mapToLong(RunAccuracy::parameters).min().orElseThrow();
        long largest = runs.stream().mapToLong(RunAccuracy::parameters).max().orElseThrow();
        double xMin = Math.log10(smallest);
        double xMax = Math.log10(largest);
        return interval(runs, resample -> crossing(resample, fullFit, xMin, xMax));
    }

    /**
     * The interval of any estimator of the crossing: {@code crossing} gives a resample's crossing
     * as log10(parameters), ±infinity outside the measured range, NaN when it cannot be fitted.
     * Every estimator draws the same resamples (the same seeds in the same order).
     */
    Optional<BootstrapInterval> interval(List<RunAccuracy> runs, ToDoubleFunction<List<RunAccuracy>> crossingOf) {
        Map<String, List<RunAccuracy>> bySeed = new TreeMap<>();
        for (RunAccuracy run : runs) {
            bySeed.computeIfAbsent(run.seed(), seed -> new ArrayList<>()).add(run);
        }
        List<List<RunAccuracy>> seeds = new ArrayList<>(bySeed.values());
        long smallest = runs.stream().mapToLong(RunAccuracy::parameters).min().orElseThrow();
        long largest = runs.stream().mapToLong(RunAccuracy::parameters).max().orElseThrow();

        SplittableRandom random = new SplittableRandom(settings.bootstrapSeed());
        int resamples = settings.resamples();
        List<Double> crossings = new ArrayList<>(resamples);
        int located = 0;
        int below = 0;
        int above = 0;
        int failed = 0;
        for (int r = 0; r < resamples; r++) {
            List<RunAccuracy> resample = new ArrayList<>();
            for (int i = 0; i < seeds.size(); i++) {
                resample.addAll(seeds.get(random.nextInt(seeds.size())));
            }
            double crossing = crossingOf.applyAsDouble(resample);
            crossings.add(crossing);
            if (Double.isNaN(crossing)) {
                failed++;
            } else if (crossing == Double.NEGATIVE_INFINITY) {
                below++;
            } else if (crossing == Double.POSITIVE_INFINITY) {
                above++;
            } else {
                located++;
            }
        }
        double[] ordered = crossings.stream().mapToDouble(Double::doubleValue).filter(c -> !Double.isNaN(c)).sorted().toArray();
        if (ordered.length == 0) {
            return Optional.empty();
        }
        double tail = (1 - settings.confidence()) / 2;
        TransitionEstimate lower = endpoint(percentile(ordered, tail), smallest, largest);
        TransitionEstimate upper = endpoint(percentile(ordered, 1 - tail), smallest, largest);
        return Optional.of(new BootstrapInterval(settings.confidence(), lower, upper, resamples,
                located, below, above, failed, crossings));
    }

    /**
     * One resample's crossing as log10(parameters), ±infinity outside the measured range, NaN
     * when it cannot be fitted. The rules are the full analysis's, without its minimum number of
     * runs per side (a resample that leaves one run above the threshold still says something
     * about the spread).
     */
    private double crossing(List<RunAccuracy> resample, LogisticCurve start, double xMin, double xMax) {
        double threshold = settings.threshold();
        double[] x = resample.stream().mapToDouble(RunAccuracy::log10Parameters).toArray();
        double[] y = resample.stream().mapToDouble(RunAccuracy::accuracy).toArray();
        if (Arrays.stream(x).distinct().count() < 2) {
            return Double.NaN;
        }
        if (Arrays.stream(y).noneMatch(a -> a > threshold)) {
            return Double.POSITIVE_INFINITY;
        }
        if (Arrays.stream(y).allMatch(a -> a > threshold)) {
            return Double.NEGATIVE_INFINITY;
        }
        Optional<LogisticFit> fit = fitter.refit(x, y, start);
        if (fit.isEmpty()) {
            return Double.NaN;
        }
        LogisticCurve curve = fit.get().curve();
        if (curve.lo() >= threshold) {
            return Double.NEGATIVE_INFINITY;
        }
        OptionalDouble crossing = curve.log10Crossing(threshold);
        if (crossing.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        double c = crossing.getAsDouble();
        if (c < xMin) {
            return Double.NEGATIVE_INFINITY;
        }
        return c > xMax ? Double.POSITIVE_INFINITY : c;
    }

    /**
     * The nearest-rank percentile (the smallest value with at least a fraction {@code q} of the
     * sample at or below it), which, unlike interpolation, is defined between infinite values.
     */
    static double percentile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length - 1e-9);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    private static TransitionEstimate endpoint(double log10Crossing, long smallest, long largest) {
        if (log10Crossing == Double.NEGATIVE_INFINITY) {
            return new TransitionEstimate.Bounded(Side.BELOW, smallest, "bootstrap resamples crossed below the smallest size");
        }
        if (log10Crossing == Double.POSITIVE_INFINITY) {
            return new TransitionEstimate.Bounded(Side.ABOVE, largest, "bootstrap resamples crossed above the largest size, or never");
        }
        return new TransitionEstimate.Located(Math.pow(10, log10Crossing));
    }
}
