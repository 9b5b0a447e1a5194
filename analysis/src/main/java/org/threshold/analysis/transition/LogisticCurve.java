package org.threshold.analysis.transition;

import java.util.OptionalDouble;

/**
 * The curve of SPEC section 7: acc = lo + (hi − lo) / (1 + e^(−k(x − x0))) with x = log10(parameter
 * count). {@code 0 <= lo <= hi <= 1} and {@code k > 0}, so the curve rises with size.
 *
 * @param lo the accuracy of very small models
 * @param hi the accuracy of very large models
 * @param k steepness, per decade of parameters
 * @param x0 the midpoint, log10 of a parameter count
 */
public record LogisticCurve(double lo, double hi, double k, double x0) {

    /** ln 81 = 2·ln 9: the 10%–90% rise of a logistic takes ln(81)/k decades. */
    private static final double LN_81 = Math.log(81.0);

    public LogisticCurve {
        if (!(lo >= 0 && lo <= hi && hi <= 1)) {
            throw new IllegalArgumentException("a logistic curve needs 0 <= lo <= hi <= 1, got lo=" + lo + ", hi=" + hi);
        }
        if (!(k > 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("a logistic curve needs a finite steepness k > 0, got " + k);
        }
        if (!Double.isFinite(x0)) {
            throw new IllegalArgumentException("a logistic curve needs a finite midpoint, got " + x0);
        }
    }

    /** The fitted accuracy at x = log10(parameters). */
    public double at(double log10Parameters) {
        return lo + (hi - lo) * sigmoid(k * (log10Parameters - x0));
    }

    /** The fitted accuracy of a model with this many parameters. */
    public double atParameters(double parameters) {
        return at(Math.log10(parameters));
    }

    /**
     * Where the curve equals {@code threshold}, as log10(parameters); empty when it never does
     * (the threshold is at or below lo, or at or above hi).
     */
    public OptionalDouble log10Crossing(double threshold) {
        if (!(threshold > lo && threshold < hi)) {
            return OptionalDouble.empty();
        }
        // Solving lo + (hi - lo) / (1 + e^(-k(x - x0))) = t for x.
        return OptionalDouble.of(x0 - Math.log((hi - lo) / (threshold - lo) - 1.0) / k);
    }

    /** Decades of parameters the curve takes to go from 10% to 90% of its rise. */
    public double width() {
        return LN_81 / k;
    }

    static double sigmoid(double z) {
        // Two branches keep e^z from overflowing for large |z|.
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }
}
