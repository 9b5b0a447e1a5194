package org.threshold.analysis.distribution;

/**
 * Jensen–Shannon divergence, natural log (SPEC section 7): JSD(P, Q) = ½ KL(P‖M) + ½ KL(Q‖M) with
 * M = ½(P + Q). Symmetric, 0 for equal distributions, at most ln 2 (disjoint supports). Commons
 * Math has no implementation.
 */
public final class JensenShannon {

    private JensenShannon() {
    }

    /** Between two samples, on their {@link SharedBins#covering shared bins} with the default count. */
    public static double ofSamples(double[] a, double[] b) {
        return ofSamples(a, b, SharedBins.covering(a, b, SharedBins.DEFAULT_COUNT));
    }

    /** Between two samples' histograms on {@code bins}. */
    public static double ofSamples(double[] a, double[] b, SharedBins bins) {
        return ofProbabilities(bins.probabilities(a), bins.probabilities(b));
    }

    /** Between two probability vectors over the same outcomes (each non-negative, summing to 1). */
    public static double ofProbabilities(double[] p, double[] q) {
        if (p.length != q.length) {
            throw new IllegalArgumentException("distributions over different outcomes: " + p.length + " vs " + q.length + " bins");
        }
        checkDistribution(p, "p");
        checkDistribution(q, "q");
        double divergence = 0;
        for (int i = 0; i < p.length; i++) {
            double m = 0.5 * (p[i] + q[i]);
            // 0 · ln(0 / m) = 0 by continuity; m > 0 wherever p or q is.
            if (p[i] > 0) {
                divergence += 0.5 * p[i] * Math.log(p[i] / m);
            }
            if (q[i] > 0) {
                divergence += 0.5 * q[i] * Math.log(q[i] / m);
            }
        }
        // Rounding can leave a tiny negative or a hair above ln 2.
        return Math.min(Math.log(2), Math.max(0, divergence));
    }

    private static void checkDistribution(double[] p, String name) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0) || Double.isInfinite(p[i])) {
                throw new IllegalArgumentException("distribution " + name + " has an invalid probability at " + i + ": " + p[i]);
            }
            sum += p[i];
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("distribution " + name + " sums to " + sum + ", not 1");
        }
    }
}
