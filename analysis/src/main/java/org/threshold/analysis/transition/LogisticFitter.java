package org.threshold.analysis.transition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.fitting.leastsquares.ParameterValidator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Least-squares fit of {@link LogisticCurve} to (log10 parameters, accuracy) points with Commons
 * Math's Levenberg–Marquardt optimizer (SPEC section 7).
 *
 * <p>Constraints are kept by clamping: the optimizer works on (lo, span, k, x0) with hi = lo + span,
 * and a {@link ParameterValidator} clamps every proposed point to lo ∈ [0, 1], span ∈ [0, 1 − lo],
 * k ∈ [{@link #MIN_STEEPNESS}, {@link #MAX_STEEPNESS}] and x0 within {@link #MIDPOINT_MARGIN}
 * decades of the measured sizes. Clamping (rather than a sigmoid transform of lo and hi) lets the
 * fit reach lo = 0 and hi = 1 exactly, which runs at 0% and 100% accuracy ask for; the span
 * parameterisation keeps hi ≥ lo, so the curve never turns into a falling one.
 *
 * <p>Least squares on a logistic has flat directions and local minima (a step can sit anywhere in
 * a gap between two sizes), so the fit starts from a grid of points and keeps the one with the
 * smallest residual; ties keep the earlier start, so the result is deterministic.
 */
public final class LogisticFitter {

    /**
     * Largest steepness, per decade: a 10%–90% rise over 0.044 decades (about 10% more
     * parameters), finer than any sweep grid, so k at this bound means "a step".
     */
    public static final double MAX_STEEPNESS = 100.0;

    /** Smallest steepness, per decade: a rise over 440 decades, i.e. a straight line. */
    public static final double MIN_STEEPNESS = 0.01;

    /** How far outside the measured sizes the midpoint may go, in decades. */
    public static final double MIDPOINT_MARGIN = 3.0;

    private static final Logger LOG = LoggerFactory.getLogger(LogisticFitter.class);
    private static final int MAX_EVALUATIONS = 2_000;

    private final LeastSquaresOptimizer optimizer = new LevenbergMarquardtOptimizer();

    /**
     * Fits the curve from a grid of 30 starting points; empty when no start converged.
     *
     * @param x log10 of each run's parameter count; at least two distinct values
     * @param y each run's accuracy in [0, 1]
     */
    public Optional<LogisticFit> fit(double[] x, double[] y) {
        return fit(x, y, startingGrid(x, y, List.of(0.0, 0.25, 0.5, 0.75, 1.0), List.of(1.0, 4.0, 16.0), true));
    }

    /**
     * Refits from a known good curve (the full sweep's, when bootstrapping) plus a small grid,
     * which finds the same minima as {@link #fit(double[], double[])} at a fraction of its cost.
     */
    Optional<LogisticFit> refit(double[] x, double[] y, LogisticCurve near) {
        List<double[]> starts = new ArrayList<>();
        starts.add(new double[] {near.lo(), near.hi() - near.lo(), near.k(), near.x0()});
        starts.addAll(startingGrid(x, y, List.of(0.25, 0.5, 0.75), List.of(1.0, 8.0), false));
        return fit(x, y, starts);
    }

    Optional<LogisticFit> fit(double[] x, double[] y, List<double[]> starts) {
        checkPoints(x, y);
        double xMin = Arrays.stream(x).min().orElseThrow();
        double xMax = Arrays.stream(x).max().orElseThrow();
        ParameterValidator clamp = p -> clamp(p, xMin, xMax);
        MultivariateJacobianFunction model = curveAndJacobian(x);

        LogisticCurve best = null;
        double bestRss = Double.POSITIVE_INFINITY;
        for (double[] start : starts) {
            LeastSquaresProblem problem = new LeastSquaresBuilder()
                    .start(clamp.validate(new ArrayRealVector(start)))
                    .model(model)
                    .target(y)
                    .parameterValidator(clamp)
                    .maxEvaluations(MAX_EVALUATIONS)
                    .maxIterations(MAX_EVALUATIONS)
                    .lazyEvaluation(false)
                    .build();
            RealVector point;
            try {
                point = clamp.validate(optimizer.optimize(problem).getPoint());
            } catch (MathIllegalStateException notConverged) {
                LOG.debug("logistic fit from start {} did not converge: {}", Arrays.toString(start), notConverged.getMessage());
                continue;
            }
            LogisticCurve curve = curveOf(point);
            double rss = residualSumOfSquares(curve, x, y);
            // A strict improvement beyond rounding noise, so ties keep the earlier start.
            if (best == null || rss < bestRss - 1e-12 * Math.max(1.0, bestRss)) {
                best = curve;
                bestRss = rss;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        boolean atBound = best.k() >= MAX_STEEPNESS * (1 - 1e-6);
        return Optional.of(new LogisticFit(best, bestRss, x.length, atBound));
    }

    /** Σ (y − curve(x))². */
    static double residualSumOfSquares(LogisticCurve curve, double[] x, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double r = y[i] - curve.at(x[i]);
            sum += r * r;
        }
        return sum;
    }

    /**
     * Starting points: lo and hi from the lowest and highest mean accuracy over sizes (and, when
     * {@code withExtremes}, also 0 and 1), midpoints at fractions of the measured range, and
     * steepness such that the rise spans the whole range, a quarter of it, a sixteenth, ….
     */
    private static List<double[]> startingGrid(double[] x, double[] y, List<Double> midpointFractions,
                                               List<Double> steepnessFactors, boolean withExtremes) {
        double xMin = Arrays.stream(x).min().orElseThrow();
        double xMax = Arrays.stream(x).max().orElseThrow();
        double range = xMax - xMin;
        double[] meanRange = meanAccuracyRange(x, y);
        List<double[]> levels = new ArrayList<>();
        levels.add(new double[] {meanRange[0], meanRange[1]});
        if (withExtremes) {
            levels.add(new double[] {0.0, 1.0});
        }
        double widthK = Math.log(81.0) / range;
        List<double[]> starts = new ArrayList<>();
        for (double[] level : levels) {
            for (double fraction : midpointFractions) {
                for (double factor : steepnessFactors) {
                    starts.add(new double[] {level[0], level[1] - level[0], widthK * factor, xMin + fraction * range});
                }
            }
        }
        return starts;
    }

    /** The lowest and highest per-size mean accuracy. */
    private static double[] meanAccuracyRange(double[] x, double[] y) {
        TreeMap<Double, double[]> bySize = new TreeMap<>();
        for (int i = 0; i < x.length; i++) {
            double[] sumCount = bySize.computeIfAbsent(x[i], key -> new double[2]);
            sumCount[0] += y[i];
            sumCount[1] += 1;
        }
        double lo = 1;
        double hi = 0;
        for (double[] sumCount : bySize.values()) {
            double mean = sumCount[0] / sumCount[1];
            lo = Math.min(lo, mean);
            hi = Math.max(hi, mean);
        }
        return new double[] {lo, hi};
    }

    private static void checkPoints(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("a fit needs one accuracy per size: " + x.length + " sizes, " + y.length + " accuracies");
        }
        if (Arrays.stream(x).distinct().count() < 2) {
            throw new IllegalArgumentException("a logistic fit needs runs of at least two different sizes, got "
                    + Arrays.stream(x).distinct().count());
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !(y[i] >= 0 && y[i] <= 1)) {
                throw new IllegalArgumentException("point " + i + " is not (finite log10 size, accuracy in [0, 1]): ("
                        + x[i] + ", " + y[i] + ")");
            }
        }
    }

    private static RealVector clamp(RealVector p, double xMin, double xMax) {
        double lo = Math.min(1.0, Math.max(0.0, finiteOr(p.getEntry(0), 0.0)));
        double span = Math.min(1.0 - lo, Math.max(0.0, finiteOr(p.getEntry(1), 0.0)));
        double k = Math.min(MAX_STEEPNESS, Math.max(MIN_STEEPNESS, finiteOr(p.getEntry(2), MIN_STEEPNESS)));
        double x0 = Math.min(xMax + MIDPOINT_MARGIN, Math.max(xMin - MIDPOINT_MARGIN, finiteOr(p.getEntry(3), (xMin + xMax) / 2)));
        return new ArrayRealVector(new double[] {lo, span, k, x0}, false);
    }

    private static double finiteOr(double value, double fallback) {
        return Double.isFinite(value) ? value : fallback;
    }

    private static LogisticCurve curveOf(RealVector p) {
        double lo = p.getEntry(0);
        // Rounding can put lo + span a hair above 1.
        double hi = Math.min(1.0, lo + p.getEntry(1));
        return new LogisticCurve(lo, hi, p.getEntry(2), p.getEntry(3));
    }

    /** The model and its analytic Jacobian in (lo, span, k, x0). */
    private static MultivariateJacobianFunction curveAndJacobian(double[] x) {
        return p -> {
            double lo = p.getEntry(0);
            double span = p.getEntry(1);
            double k = p.getEntry(2);
            double x0 = p.getEntry(3);
            double[] value = new double[x.length];
            double[][] jacobian = new double[x.length][4];
            for (int i = 0; i < x.length; i++) {
                double s = LogisticCurve.sigmoid(k * (x[i] - x0));
                double slope = span * s * (1 - s);
                value[i] = lo + span * s;
                jacobian[i][0] = 1.0;
                jacobian[i][1] = s;
                jacobian[i][2] = slope * (x[i] - x0);
                jacobian[i][3] = -slope * k;
            }
            RealMatrix j = new Array2DRowRealMatrix(jacobian, false);
            return new Pair<>(new ArrayRealVector(value, false), j);
        };
    }
}
