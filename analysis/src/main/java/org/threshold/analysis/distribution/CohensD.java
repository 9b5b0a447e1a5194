package org.threshold.analysis.distribution;

/**
 * Cohen's d, the standardised mean difference with the pooled standard deviation:
 * d = (mean_a − mean_b) / s_p, s_p² = ((n_a − 1)s_a² + (n_b − 1)s_b²) / (n_a + n_b − 2).
 *
 * <p>Sign convention: group a minus group b. Appendix F reports ALL3 − SUM (attention d = 0.176,
 * feed-forward d = −0.338), so pass the ALL3 sample as {@code a} to compare with it.
 */
public final class CohensD {

    private CohensD() {
    }

    public static double of(double[] a, double[] b) {
        Samples.check(a, "a", 2);
        Samples.check(b, "b", 2);
        double pooled = ((a.length - 1) * Samples.variance(a) + (b.length - 1) * Samples.variance(b))
                / (a.length + b.length - 2);
        if (pooled == 0) {
            throw new IllegalArgumentException("Cohen's d is undefined: both samples are constant (pooled standard deviation 0)");
        }
        return (Samples.mean(a) - Samples.mean(b)) / Math.sqrt(pooled);
    }
}
