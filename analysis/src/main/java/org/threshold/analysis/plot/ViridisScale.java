package org.threshold.analysis.plot;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * Dark purple through teal to yellow over [lower, upper] (matplotlib's viridis, its default for
 * pictures such as the paper's operation tables): every value has its own colour, and lightness
 * rises steadily, so neighbouring values stay apart and the picture reads in grey too.
 */
final class ViridisScale implements PaintScale {

    // viridis at 0, 1/8, …, 1
    private static final Color[] STOPS = {
        new Color(0x44, 0x01, 0x54), new Color(0x47, 0x2D, 0x7B), new Color(0x3B, 0x52, 0x8B),
        new Color(0x2C, 0x72, 0x8E), new Color(0x21, 0x91, 0x8C), new Color(0x28, 0xAE, 0x80),
        new Color(0x5E, 0xC9, 0x62), new Color(0xAD, 0xDC, 0x30), new Color(0xFD, 0xE7, 0x25),
    };
    private final double lower;
    private final double upper;

    ViridisScale(double lower, double upper) {
        if (!(upper > lower)) {
            throw new IllegalArgumentException("a colour scale needs lower < upper, got " + lower + " and " + upper);
        }
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

    /** Where {@code value} lies on the scale, 0 at the lower bound and 1 at the upper. */
    double position(double value) {
        return Math.max(0, Math.min(1, (value - lower) / (upper - lower)));
    }

    @Override
    public Paint getPaint(double value) {
        double t = position(value) * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) t);
        double f = t - i;
        Color a = STOPS[i];
        Color b = STOPS[i + 1];
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * f),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * f),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * f));
    }
}
