package org.threshold.analysis.distribution;

import java.util.Locale;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * The two-sample Kolmogorov–Smirnov test (appendix F compares layer-ratio distributions with it),
 * through Commons Math.
 *
 * @param statistic D = sup |F_a − F_b| over the two empirical CDFs, in [0, 1]
 * @param pValue P(D ≥ observed) under the hypothesis that both samples come from one continuous
 *     distribution: exact for n·m &lt; 10,000, from the asymptotic Kolmogorov distribution above
 */
public record KolmogorovSmirnov(double statistic, double pValue) {

    /** Below this n·m the p-value is exact (Commons Math's own switch-over point). */
    private static final long EXACT_BELOW = 10_000;

    /**
     * The p-value is computed from the statistic of the samples as given, through Commons Math's
     * {@code exactP(d, n, m, strict = false)} and {@code approximateP}, rather than its
     * {@code kolmogorovSmirnovTest(x, y)}: that one returns the strict P(D &gt; d), which is 0 for
     * two fully separated samples, and jitters tied values first, which moves the p-value of two
     * identical samples away from 1. With ties the continuous-case p-value is conservative.
     */
    public static KolmogorovSmirnov test(double[] a, double[] b) {
        Samples.check(a, "a", 2);
        Samples.check(b, "b", 2);
        // exactP and approximateP are deterministic; the library's random generator is never drawn from.
        KolmogorovSmirnovTest test = new KolmogorovSmirnovTest();
        double d = test.kolmogorovSmirnovStatistic(a, b);
        double p = (long) a.length * b.length < EXACT_BELOW
                ? test.exactP(d, a.length, b.length, false)
                : test.approximateP(d, a.length, b.length);
        return new KolmogorovSmirnov(d, Math.min(1.0, Math.max(0.0, p)));
    }

    /**
     * The p-value as text: "0.031", "1.2e-08", or "< 1e-15" where the asymptotic formula rounds to
     * 0 in double precision (writing "0" would claim certainty).
     */
    public String pValueText() {
        return pValue < 1e-15 ? "< 1e-15" : String.format(Locale.ROOT, "%.2g", pValue);
    }
}
