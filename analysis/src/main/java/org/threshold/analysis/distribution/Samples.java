package org.threshold.analysis.distribution;

/** Preconditions shared by the two-sample statistics. */
final class Samples {

    private Samples() {
    }

    /** Every value finite, at least {@code minimum} of them; the message names the sample. */
    static void check(double[] sample, String name, int minimum) {
        if (sample == null || sample.length < minimum) {
            throw new IllegalArgumentException("sample " + name + " needs at least " + minimum + " values, got "
                    + (sample == null ? 0 : sample.length));
        }
        for (int i = 0; i < sample.length; i++) {
            if (!Double.isFinite(sample[i])) {
                throw new IllegalArgumentException("sample " + name + " has a non-finite value at index " + i + ": " + sample[i]);
            }
        }
    }

    static double mean(double[] sample) {
        double sum = 0;
        for (double v : sample) {
            sum += v;
        }
        return sum / sample.length;
    }

    /** The unbiased sample variance (divisor n − 1). */
    static double variance(double[] sample) {
        double mean = mean(sample);
        double sum = 0;
        for (double v : sample) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (sample.length - 1);
    }
}
