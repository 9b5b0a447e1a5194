package org.threshold.analysis.transition;

import java.util.Optional;

/**
 * Logistic regression of a yes/no outcome on one covariate, P(y = 1 | x) = 1 / (1 + exp(-(b0 + b1 x))),
 * fitted by maximum likelihood with Firth's penalty: the log-likelihood plus half the log of the
 * Fisher information's determinant (Jeffreys' prior). With few model sizes the outcomes are often
 * perfectly separated (every small model fails, every large one learns), where the plain
 * likelihood grows without bound as the slope goes to infinity; the penalty keeps the estimate
 * finite and places the crossing between the sizes that separate the outcomes. Where the data
 * are not separated it changes little, and it removes the plain estimate's small-sample bias
 * (Firth 1993; Heinze and Schemper 2002).
 *
 * <p>Fitted by Newton's method on Firth's modified score, U*(b) = Σ (y_i − p_i + h_i (1/2 − p_i)) (1, x_i),
 * with h_i the diagonal of the weighted hat matrix, halving a step until the penalized
 * likelihood does not decrease. x is centred first, which keeps the 2×2 information matrix well
 * conditioned for log10 parameter counts.
 */
public final class FirthLogistic {

    private static final int MAX_ITERATIONS = 200;
    private static final int MAX_HALVINGS = 40;
    private static final double TOLERANCE = 1e-10;

    /**
     * The fit: intercept and slope on the original scale of x.
     *
     * @param b0 intercept
     * @param b1 slope: the change of the log-odds per unit of x
     * @param penalizedLogLikelihood the maximized log-likelihood plus ½ log det I
     * @param iterations Newton steps taken
     */
    public record Fit(double b0, double b1, double penalizedLogLikelihood, int iterations) {

        /** P(y = 1) at x. */
        public double probability(double x) {
            return sigmoid(b0 + b1 * x);
        }

        /** Where P(y = 1) = 1/2: −b0 / b1; empty when the slope is not positive. */
        public Optional<Double> midpoint() {
            return b1 > 0 ? Optional.of(-b0 / b1) : Optional.empty();
        }
    }

    /**
     * @param x the covariate (log10 parameters), at least two distinct values
     * @param y the outcomes, 0 or 1
     * @return empty when Newton's method does not converge
     */
    public Optional<Fit> fit(double[] x, int[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("a fit needs as many outcomes as covariates, at least two; got " + x.length
                    + " and " + y.length);
        }
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i] - mean;
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("outcomes are 0 or 1, got " + y[i]);
            }
        }
        double a = 0;
        double b = 0;
        double current = penalized(c, y, a, b);
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            double[] step = newtonStep(c, y, a, b);
            if (step == null) {
                return Optional.empty();
            }
            double scale = 1;
            double na = a + step[0];
            double nb = b + step[1];
            double next = penalized(c, y, na, nb);
            for (int h = 0; h < MAX_HALVINGS && !(next >= current - 1e-12); h++) {
                scale /= 2;
                na = a + scale * step[0];
                nb = b + scale * step[1];
                next = penalized(c, y, na, nb);
            }
            if (!(next >= current - 1e-12)) {
                return Optional.empty();
            }
            a = na;
            b = nb;
            current = next;
            if (Math.abs(scale * step[0]) < TOLERANCE && Math.abs(scale * step[1]) < TOLERANCE) {
                return Optional.of(new Fit(a - b * mean, b, current, iteration));
            }
        }
        return Optional.empty();
    }

    /** Firth's modified Newton step I⁻¹ U*, on centred x; null when the information is singular. */
    private static double[] newtonStep(double[] c, int[] y, double a, double b) {
        double i00 = 0;
        double i01 = 0;
        double i11 = 0;
        double[] p = new double[c.length];
        double[] w = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            p[i] = sigmoid(a + b * c[i]);
            w[i] = p[i] * (1 - p[i]);
            i00 += w[i];
            i01 += w[i] * c[i];
            i11 += w[i] * c[i] * c[i];
        }
        double det = i00 * i11 - i01 * i01;
        if (!(det > 0)) {
            return null;
        }
        double j00 = i11 / det;
        double j01 = -i01 / det;
        double j11 = i00 / det;
        double u0 = 0;
        double u1 = 0;
        for (int i = 0; i < c.length; i++) {
            double h = w[i] * (j00 + 2 * j01 * c[i] + j11 * c[i] * c[i]);
            double r = y[i] - p[i] + h * (0.5 - p[i]);
            u0 += r;
            u1 += r * c[i];
        }
        return new double[] {j00 * u0 + j01 * u1, j01 * u0 + j11 * u1};
    }

    /** The penalized log-likelihood at (a, b) on centred x. */
    static double penalized(double[] c, int[] y, double a, double b) {
        double log = 0;
        double i00 = 0;
        double i01 = 0;
        double i11 = 0;
        for (int i = 0; i < c.length; i++) {
            double eta = a + b * c[i];
            // log p = -log(1 + e^-eta), log(1 - p) = -log(1 + e^eta), both without overflow
            log += y[i] == 1 ? -softplus(-eta) : -softplus(eta);
            double p = sigmoid(eta);
            double w = p * (1 - p);
            i00 += w;
            i01 += w * c[i];
            i11 += w * c[i] * c[i];
        }
        double det = i00 * i11 - i01 * i01;
        return det > 0 ? log + 0.5 * Math.log(det) : Double.NEGATIVE_INFINITY;
    }

    static double sigmoid(double eta) {
        return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
    }

    private static double softplus(double v) {
        return v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
    }
}
