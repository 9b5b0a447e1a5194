package org.threshold.analysis.plot;

/**
 * Two groups' values for one panel of {@link RatioHistogramFigure}, e.g. the final-layer attention
 * log-ratios of ALL3 models (a) and of SUM models (b).
 *
 * @param panel the panel's title ("attention, layer 3")
 * @param nameA group a's legend name ("MAX+MED+SUM")
 * @param a group a's values
 * @param nameB group b's legend name ("SUM")
 * @param b group b's values
 */
public record GroupSamples(String panel, String nameA, double[] a, String nameB, double[] b) {

    public GroupSamples {
        if (a.length < 2 || b.length < 2) {
            throw new IllegalArgumentException("panel " + panel + ": each group needs at least two values, got "
                    + a.length + " and " + b.length);
        }
        a = a.clone();
        b = b.clone();
    }

    @Override
    public double[] a() {
        return a.clone();
    }

    @Override
    public double[] b() {
        return b.clone();
    }
}
