package org.threshold.analysis.distribution;

import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The difference of two means with a Welch confidence interval (unequal variances): mean_a −
 * mean_b ± t(ν, (1 + confidence)/2) · √(s_a²/n_a + s_b²/n_b), with the Welch–Satterthwaite ν.
 * Sign convention as {@link CohensD}: a minus b.
 *
 * @param difference mean_a − mean_b
 * @param lower the interval's lower end
 * @param upper the interval's upper end
 * @param confidence e.g. 0.95
 * @param degreesOfFreedom Welch–Satterthwaite ν
 */
public record MeanDifference(double difference, double lower, double upper, double confidence, double degreesOfFreedom) {

    public static MeanDifference welch(double[] a, double[] b, double confidence) {
        Samples.check(a, "a", 2);
        Samples.check(b, "b", 2);
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be strictly between 0 and 1, got " + confidence);
        }
        double va = Samples.variance(a) / a.length;
        double vb = Samples.variance(b) / b.length;
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            throw new IllegalArgumentException("no interval: both samples are constant (standard error 0)");
        }
        double nu = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        double t = new TDistribution(nu).inverseCumulativeProbability((1 + confidence) / 2);
        double difference = Samples.mean(a) - Samples.mean(b);
        return new MeanDifference(difference, difference - t * se, difference + t * se, confidence, nu);
    }

    /** "−0.042 (95% CI −0.051 to −0.033)". */
    public String describe() {
        return String.format(Locale.ROOT, "%.4g (%.0f%% CI %.4g to %.4g)", difference, confidence * 100, lower, upper);
    }
}
