package org.threshold.analysis.distribution;

/**
 * Equal-width histogram bins that two samples share, so their histograms can be compared bin by
 * bin (Jensen–Shannon divergence, the density overlay of appendix F's figure 42).
 *
 * <p>Range rule ({@link #covering}): from the smallest to the largest value of the two samples
 * pooled, so every value of both falls in a bin; the last bin includes its upper edge. When all
 * values are equal the range is widened to ±0.5 around them.
 *
 * @param lower the left edge of the first bin
 * @param upper the right edge of the last bin
 * @param count the number of bins
 */
public record SharedBins(double lower, double upper, int count) {

    /**
     * 50 bins: with the thousands of token ratios a probe collects, each bin of a unimodal
     * distribution holds enough tokens for a stable estimate, and the figure still shows its shape.
     */
    public static final int DEFAULT_COUNT = 50;

    public SharedBins {
        if (count < 1) {
            throw new IllegalArgumentException("a histogram needs at least one bin, got " + count);
        }
        if (!(Double.isFinite(lower) && Double.isFinite(upper) && lower < upper)) {
            throw new IllegalArgumentException("bins need finite edges with lower < upper, got [" + lower + ", " + upper + "]");
        }
    }

    /** {@code count} bins over the pooled range of both samples. */
    public static SharedBins covering(double[] a, double[] b, int count) {
        Samples.check(a, "a", 1);
        Samples.check(b, "b", 1);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] sample : new double[][] {a, b}) {
            for (double v : sample) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min == max) {
            return new SharedBins(min - 0.5, max + 0.5, count);
        }
        return new SharedBins(min, max, count);
    }

    public double width() {
        return (upper - lower) / count;
    }

    /** The centre of bin {@code i}. */
    public double center(int i) {
        return lower + (i + 0.5) * width();
    }

    /** The bin of {@code value}; values outside the range are rejected. */
    public int index(double value) {
        if (!(value >= lower && value <= upper)) {
            throw new IllegalArgumentException("value " + value + " lies outside the bins' range [" + lower + ", " + upper + "]");
        }
        return Math.min(count - 1, (int) ((value - lower) / width()));
    }

    /** The fraction of {@code sample} in each bin; sums to 1. */
    public double[] probabilities(double[] sample) {
        Samples.check(sample, "sample", 1);
        double[] p = new double[count];
        for (double v : sample) {
            p[index(v)] += 1;
        }
        for (int i = 0; i < count; i++) {
            p[i] /= sample.length;
        }
        return p;
    }

    /** Probability density per bin (fraction / width): integrates to 1, as figure 42's y axis. */
    public double[] densities(double[] sample) {
        double[] p = probabilities(sample);
        double w = width();
        for (int i = 0; i < count; i++) {
            p[i] /= w;
        }
        return p;
    }
}
