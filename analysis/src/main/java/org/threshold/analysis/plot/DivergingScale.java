package org.threshold.analysis.plot;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * Blue through white to red over [lower, upper] (white at the midpoint): cosine similarities,
 * where −1, 0 and 1 must look different at a glance.
 */
final class DivergingScale implements PaintScale {

    private static final Color LOW = new Color(0x21, 0x66, 0xAC);
    private static final Color HIGH = new Color(0xB2, 0x18, 0x2B);
    private final double lower;
    private final double upper;

    DivergingScale(double lower, double upper) {
        this.lower = lower;
        this.upper = upper;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        double mid = (lower + upper) / 2;
        double t = Math.max(-1, Math.min(1, (value - mid) / ((upper - lower) / 2)));
        Color end = t < 0 ? LOW : HIGH;
        double a = Math.abs(t);
        return new Color(blend(255, end.getRed(), a), blend(255, end.getGreen(), a), blend(255, end.getBlue(), a));
    }

    private static int blend(int from, int to, double t) {
        return (int) Math.round(from + (to - from) * t);
    }
}
