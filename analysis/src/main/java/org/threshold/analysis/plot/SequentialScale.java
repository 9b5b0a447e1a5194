package org.threshold.analysis.plot;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/** White to dark blue over [lower, upper]: attention weights, where 0 should vanish. */
final class SequentialScale implements PaintScale {

    private static final Color[] STOPS = {
        new Color(0xFF, 0xFF, 0xFF), new Color(0xC6, 0xDB, 0xEF), new Color(0x6B, 0xAE, 0xD6),
        new Color(0x21, 0x71, 0xB5), new Color(0x08, 0x30, 0x6B),
    };
    private final double lower;
    private final double upper;

    SequentialScale(double lower, double upper) {
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
        double t = Math.max(0, Math.min(1, (value - lower) / (upper - lower))) * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) t);
        double f = t - i;
        Color a = STOPS[i];
        Color b = STOPS[i + 1];
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * f),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * f),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * f));
    }
}
