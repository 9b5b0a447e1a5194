package org.threshold.analysis.plot;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * The figures' colour scales, one class: colours at evenly spaced stops, blended linearly between
 * them. A sequential scale runs its stops from the lower bound to the upper; a diverging scale runs
 * one set from its midpoint up to the upper bound and another from the midpoint down to the lower,
 * so the midpoint's colour marks zero.
 */
final class ColourScale implements PaintScale {

    private static final Color WHITE = new Color(0xFF, 0xFF, 0xFF);
    // viridis at 0, 1/8, …, 1
    private static final Color[] VIRIDIS = {
        new Color(0x44, 0x01, 0x54), new Color(0x47, 0x2D, 0x7B), new Color(0x3B, 0x52, 0x8B),
        new Color(0x2C, 0x72, 0x8E), new Color(0x21, 0x91, 0x8C), new Color(0x28, 0xAE, 0x80),
        new Color(0x5E, 0xC9, 0x62), new Color(0xAD, 0xDC, 0x30), new Color(0xFD, 0xE7, 0x25),
    };
    private static final Color[] BLUES = {
        WHITE, new Color(0xC6, 0xDB, 0xEF), new Color(0x6B, 0xAE, 0xD6), new Color(0x21, 0x71, 0xB5), new Color(0x08, 0x30, 0x6B),
    };
    private static final Color[] TO_RED = {WHITE, new Color(0xB2, 0x18, 0x2B)};
    private static final Color[] TO_BLUE = {WHITE, new Color(0x21, 0x66, 0xAC)};

    private final double lower;
    private final double upper;
    /** From the lower bound up (sequential) or from the midpoint up (diverging). */
    private final Color[] up;
    /** From the midpoint down; empty for a sequential scale. */
    private final Color[] down;

    private ColourScale(double lower, double upper, Color[] up, Color[] down) {
        if (!(upper > lower)) {
            throw new IllegalArgumentException("a colour scale needs lower < upper, got " + lower + " and " + upper);
        }
        this.lower = lower;
        this.upper = upper;
        this.up = up;
        this.down = down;
    }

    /**
     * Dark purple through teal to yellow (matplotlib's viridis, its default for pictures such as
     * the paper's operation tables): every value has its own colour, and lightness rises steadily,
     * so neighbouring values stay apart and the picture reads in grey too.
     */
    static ColourScale viridis(double lower, double upper) {
        return new ColourScale(lower, upper, VIRIDIS, new Color[0]);
    }

    /** White to dark blue: attention weights, where 0 should vanish. */
    static ColourScale blues(double lower, double upper) {
        return new ColourScale(lower, upper, BLUES, new Color[0]);
    }

    /**
     * Blue through white to red (white at the midpoint): cosine similarities, where −1, 0 and 1
     * must look different at a glance.
     */
    static ColourScale blueWhiteRed(double lower, double upper) {
        return new ColourScale(lower, upper, TO_RED, TO_BLUE);
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
        if (down.length == 0) {
            return blend(up, position(value));
        }
        double mid = (lower + upper) / 2;
        double t = Math.max(-1, Math.min(1, (value - mid) / ((upper - lower) / 2)));
        return blend(t < 0 ? down : up, Math.abs(t));
    }

    /** The colour a fraction {@code d} (0..1) along the stops. */
    private static Color blend(Color[] stops, double d) {
        double t = d * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) t);
        double f = t - i;
        Color a = stops[i];
        Color b = stops[i + 1];
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * f),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * f),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * f));
    }
}
