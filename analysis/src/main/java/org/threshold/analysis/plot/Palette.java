package org.threshold.analysis.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.TexturePaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** Colours, strokes and shapes shared by the figures, chosen to match the paper's. */
final class Palette {

    /** Runs above the threshold (the paper's red dots). */
    static final Color ABOVE = new Color(0xD6, 0x27, 0x28);
    /** Runs at or below the threshold (the paper's blue dots). */
    static final Color BELOW = new Color(0x1F, 0x77, 0xB4);
    /** The logistic fit (the paper's dashed green line). */
    static final Color FIT = new Color(0x2C, 0xA0, 0x2C);
    /** The transition point (the paper's yellow star). */
    static final Color STAR = new Color(0xFF, 0xC4, 0x00);
    static final Color STAR_EDGE = new Color(0x80, 0x60, 0x00);
    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    static final Color THRESHOLD = new Color(0x88, 0x88, 0x88);
    /** Odd elements (red) and even elements (blue) in the PCA figure. */
    static final Color ODD = ABOVE;
    static final Color EVEN = BELOW;

    /** Distinct colours for mixtures and runs (Tableau 10). */
    private static final Color[] SERIES = {
        new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728), new Color(0x9467BD),
        new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F), new Color(0xBCBD22), new Color(0x17BECF),
    };

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font PANEL_TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    private Palette() {
    }

    static Color series(int i) {
        return SERIES[Math.floorMod(i, SERIES.length)];
    }

    static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    static Stroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f);
    }

    static Stroke dotted(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {2f, 3f}, 0f);
    }

    static Shape circle(double diameter) {
        return new Ellipse2D.Double(-diameter / 2, -diameter / 2, diameter, diameter);
    }

    /** A five-pointed star centred on the origin. */
    static Shape star(double outerRadius) {
        Path2D.Double star = new Path2D.Double();
        double inner = outerRadius * 0.45;
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outerRadius : inner;
            double angle = -Math.PI / 2 + i * Math.PI / 5;
            double x = r * Math.cos(angle);
            double y = r * Math.sin(angle);
            if (i == 0) {
                star.moveTo(x, y);
            } else {
                star.lineTo(x, y);
            }
        }
        star.closePath();
        return star;
    }

    /** Diagonal hatching in {@code colour} on a pale background: a bar that is only a bound. */
    static Paint hatched(Color colour) {
        int size = 10;
        BufferedImage tile = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = tile.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(translucent(colour, 50));
        g.fillRect(0, 0, size, size);
        g.setColor(colour);
        g.setStroke(new BasicStroke(2f));
        g.drawLine(0, size, size, 0);
        g.drawLine(-size / 2, size / 2, size / 2, -size / 2);
        g.drawLine(size / 2, size + size / 2, size + size / 2, size / 2);
        g.dispose();
        return new TexturePaint(tile, new Rectangle2D.Double(0, 0, size, size));
    }
}
