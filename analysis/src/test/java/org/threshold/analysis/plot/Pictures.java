package org.threshold.analysis.plot;

import java.awt.Color;
import java.awt.Point;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/** Reading back written pictures, and finding where a data point landed in them, for tests. */
final class Pictures {

    private Pictures() {
    }

    /** Reads a PNG file, failing if the file is not a PNG. */
    static BufferedImage read(Path png) throws IOException {
        byte[] bytes = Files.readAllBytes(png);
        if (bytes.length < 8 || (bytes[0] & 0xFF) != 0x89 || bytes[1] != 'P' || bytes[2] != 'N' || bytes[3] != 'G') {
            throw new AssertionError(png + " does not start with the PNG signature");
        }
        return ImageIO.read(png.toFile());
    }

    /** The fraction of pixels that are not white: a blank picture has 0. */
    static double inkFraction(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        return (double) ink / ((long) image.getWidth() * image.getHeight());
    }

    /** How many pixels have exactly this colour. */
    static long pixelsOf(BufferedImage image, Color colour) {
        int rgb = colour.getRGB() & 0xFFFFFF;
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }

    /** The pixel where a drawn chart's XY plot puts the data point (x, y). */
    static Point at(DrawnChart drawn, double x, double y) {
        return at((XYPlot) drawn.chart().getPlot(), drawn.info().getPlotInfo(), x, y);
    }

    /** The pixel where subplot {@code index} (from the top) of a drawn chart's combined plot puts (x, y). */
    static Point at(DrawnChart drawn, int index, double x, double y) {
        CombinedDomainXYPlot combined = (CombinedDomainXYPlot) drawn.chart().getPlot();
        return at(combined.getSubplots().get(index), drawn.info().getPlotInfo().getSubplotInfo(index), x, y);
    }

    private static Point at(XYPlot plot, PlotRenderingInfo info, double x, double y) {
        Rectangle2D area = info.getDataArea();
        double px = plot.getDomainAxis().valueToJava2D(x, area, plot.getDomainAxisEdge());
        double py = plot.getRangeAxis().valueToJava2D(y, area, plot.getRangeAxisEdge());
        return new Point((int) Math.floor(px), (int) Math.floor(py));
    }

    /**
     * The pixel where a drawn bar chart puts {@code value} above the middle of column
     * {@code column}, {@code offset} of the data area's width to the side.
     */
    static Point atCategory(DrawnChart drawn, int column, double offset, double value) {
        CategoryPlot plot = drawn.chart().getCategoryPlot();
        Rectangle2D area = drawn.info().getPlotInfo().getDataArea();
        double px = plot.getDomainAxis().getCategoryMiddle(column, plot.getCategories().size(), area, plot.getDomainAxisEdge())
                + offset * area.getWidth();
        double py = plot.getRangeAxis().valueToJava2D(value, area, plot.getRangeAxisEdge());
        return new Point((int) Math.floor(px), (int) Math.floor(py));
    }

    /** The colour of one pixel. */
    static Color colourAt(BufferedImage image, Point p) {
        return new Color(image.getRGB(p.x, p.y));
    }

    /**
     * Whether a pixel within {@code radius} of {@code p} (a square) has exactly this colour: a
     * thin antialiased line or a small dot has full-colour pixels near its point, not always on it.
     */
    static boolean colourNear(BufferedImage image, Point p, int radius, Color colour) {
        int rgb = colour.getRGB() & 0xFFFFFF;
        for (int y = Math.max(0, p.y - radius); y <= Math.min(image.getHeight() - 1, p.y + radius); y++) {
            for (int x = Math.max(0, p.x - radius); x <= Math.min(image.getWidth() - 1, p.x + radius); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }
}
