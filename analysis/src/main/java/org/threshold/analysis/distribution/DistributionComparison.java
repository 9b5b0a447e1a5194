package org.threshold.analysis.distribution;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every statistic appendix F uses to compare two groups' distributions (e.g. the log-ratios
 * log(‖SA(LN1(x))‖/‖x‖) of ALL3 models against SUM models), in one value.
 * Sign convention of the directed statistics: group a minus group b.
 *
 * <pre>{@code
 * DistributionComparison c = DistributionComparison.compare(all3LogRatios, sumLogRatios);
 * c.describe();   // "KS 0.159 (p 1.2e-08), JSD 0.0213, W1 0.0412, d 0.176, Δmean 0.031 (95% CI ...)"
 * }</pre>
 *
 * @param sizeA values in group a
 * @param sizeB values in group b
 * @param meanA mean of a
 * @param meanB mean of b
 * @param kolmogorovSmirnov the two-sample KS statistic and p-value
 * @param jensenShannon JSD in nats on {@code bins}
 * @param bins the shared histogram bins JSD used
 * @param wasserstein W1 in the samples' own units
 * @param cohensD standardised mean difference, a − b
 * @param meanDifference a − b with its Welch interval
 */
public record DistributionComparison(int sizeA, int sizeB, double meanA, double meanB, KolmogorovSmirnov kolmogorovSmirnov,
                                     double jensenShannon, SharedBins bins, double wasserstein, double cohensD,
                                     MeanDifference meanDifference) {

    /** All statistics with the defaults: {@link SharedBins#DEFAULT_COUNT} bins, a 95% interval. */
    public static DistributionComparison compare(double[] a, double[] b) {
        return compare(a, b, SharedBins.DEFAULT_COUNT, 0.95);
    }

    public static DistributionComparison compare(double[] a, double[] b, int binCount, double confidence) {
        Samples.check(a, "a", 2);
        Samples.check(b, "b", 2);
        SharedBins bins = SharedBins.covering(a, b, binCount);
        return new DistributionComparison(a.length, b.length, Samples.mean(a), Samples.mean(b),
                KolmogorovSmirnov.test(a, b), JensenShannon.ofSamples(a, b, bins), bins, Wasserstein.distance(a, b),
                CohensD.of(a, b), MeanDifference.welch(a, b, confidence));
    }

    /** One line with every statistic. */
    public String describe() {
        return String.format(Locale.ROOT, "KS %.3f (p %s), JSD %.4f, W1 %.4g, d %.3f, mean difference %s",
                kolmogorovSmirnov.statistic(), kolmogorovSmirnov.pValueText(), jensenShannon, wasserstein, cohensD,
                meanDifference.describe());
    }

    /** The numbers by stable name, for a probe's JSON and report ({@code ks}, {@code ks_p}, ...). */
    public Map<String, Double> figures() {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("n_a", (double) sizeA);
        figures.put("n_b", (double) sizeB);
        figures.put("mean_a", meanA);
        figures.put("mean_b", meanB);
        figures.put("ks", kolmogorovSmirnov.statistic());
        figures.put("ks_p", kolmogorovSmirnov.pValue());
        figures.put("jsd", jensenShannon);
        figures.put("jsd_bins", (double) bins.count());
        figures.put("wasserstein", wasserstein);
        figures.put("cohens_d", cohensD);
        figures.put("mean_difference", meanDifference.difference());
        figures.put("mean_difference_lower", meanDifference.lower());
        figures.put("mean_difference_upper", meanDifference.upper());
        return figures;
    }
}
