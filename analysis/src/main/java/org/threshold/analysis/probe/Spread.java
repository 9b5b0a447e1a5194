package org.threshold.analysis.probe;

/**
 * How a sample of values spreads: its size, mean, sample standard deviation (n − 1; 0 for one
 * value), least and greatest.
 */
record Spread(int count, double mean, double sd, double min, double max) {

    static Spread of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a spread needs at least one value");
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0;
        return new Spread(values.length, mean, sd, min, max);
    }
}
