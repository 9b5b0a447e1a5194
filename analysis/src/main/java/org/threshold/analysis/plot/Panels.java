package org.threshold.analysis.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.Size2D;
import org.jfree.data.Range;

/** Several charts drawn into one image, side by side or in a grid, under a common title. */
final class Panels {

    private Panels() {
    }

    /**
     * @param title drawn centred above the panels; blank for none
     * @param subtitle a smaller line (or lines, split at "\n") under the title; blank for none
     * @param widthShares each chart's share of the width
     */
    static BufferedImage sideBySide(String title, String subtitle, List<JFreeChart> charts, double[] widthShares,
                                    int width, int height) {
        return sideBySide(title, subtitle, charts, widthShares, new LegendItemCollection(), width, height);
    }

    /** As above, with {@code legend} drawn once across the bottom (when it has items). */
    static BufferedImage sideBySide(String title, String subtitle, List<JFreeChart> charts, double[] widthShares,
                                    LegendItemCollection legend, int width, int height) {
        return sideBySide(title, subtitle, charts, widthShares, legend, width, height, new ArrayList<>());
    }

    /** As above, adding each chart as drawn to {@code drawn}, in order. */
    static BufferedImage sideBySide(String title, String subtitle, List<JFreeChart> charts, double[] widthShares,
                                    LegendItemCollection legend, int width, int height, List<DrawnChart> drawn) {
        BufferedImage image = blank(width, height);
        Graphics2D g = canvas(image);
        double top = 0;
        top += drawTitle(g, title, Palette.TITLE, width, top);
        top += drawTitle(g, subtitle, Palette.SUBTITLE, width, top);
        double bottom = height;
        if (legend.getItemCount() > 0) {
            LegendTitle strip = new LegendTitle(() -> legend);
            strip.setItemFont(Palette.LABEL);
            strip.setFrame(BlockBorder.NONE);
            strip.setPadding(new RectangleInsets(4, 8, 6, 8));
            Size2D size = strip.arrange(g, new RectangleConstraint(new Range(0, width), new Range(0, height / 3.0)));
            bottom -= size.getHeight();
            strip.draw(g, new Rectangle2D.Double((width - size.getWidth()) / 2, bottom, size.getWidth(), size.getHeight()));
        }
        double total = 0;
        for (double share : widthShares) {
            total += share;
        }
        double x = 0;
        for (int i = 0; i < charts.size(); i++) {
            double w = width * widthShares[i] / total;
            draw(charts.get(i), g, new Rectangle2D.Double(x, top, w, bottom - top), drawn);
            x += w;
        }
        g.dispose();
        return image;
    }

    /**
     * Charts in rows and columns under a title line: {@code rows.get(r).get(c)} in row r, column c,
     * every column as wide as the widest row allows.
     */
    static BufferedImage grid(String title, List<List<JFreeChart>> rows, int width, int height) {
        return grid(title, rows, width, height, new ArrayList<>());
    }

    /** As above, adding each chart as drawn to {@code drawn}, row by row. */
    static BufferedImage grid(String title, List<List<JFreeChart>> rows, int width, int height, List<DrawnChart> drawn) {
        BufferedImage image = blank(width, height);
        Graphics2D g = canvas(image);
        g.setColor(Color.BLACK);
        g.setFont(Palette.TITLE);
        g.drawString(title, Math.max(4, (width - g.getFontMetrics().stringWidth(title)) / 2), 24);
        double top = 36;
        int columns = rows.stream().mapToInt(List::size).max().orElse(1);
        double cellWidth = (double) width / columns;
        double cellHeight = (height - top) / rows.size();
        for (int row = 0; row < rows.size(); row++) {
            for (int column = 0; column < rows.get(row).size(); column++) {
                draw(rows.get(row).get(column), g, new Rectangle2D.Double(column * cellWidth, top + row * cellHeight,
                        cellWidth, cellHeight), drawn);
            }
        }
        g.dispose();
        return image;
    }

    /** One chart into a new image. */
    static BufferedImage single(JFreeChart chart, int width, int height) {
        return single(chart, width, height, new ArrayList<>());
    }

    /** As above, adding the chart as drawn to {@code drawn}. */
    static BufferedImage single(JFreeChart chart, int width, int height, List<DrawnChart> drawn) {
        return sideBySide("", "", List.of(chart), new double[] {1}, new LegendItemCollection(), width, height, drawn);
    }

    /** Draws a chart into its area; the rendering info records where the plot landed and draws nothing itself. */
    private static void draw(JFreeChart chart, Graphics2D g, Rectangle2D area, List<DrawnChart> drawn) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g, area, info);
        drawn.add(new DrawnChart(chart, info));
    }

    private static BufferedImage blank(int width, int height) {
        Headless.ensure();
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    /** White, with antialiased shapes and text. */
    private static Graphics2D canvas(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    private static double drawTitle(Graphics2D g, String text, Font font, int width, double top) {
        if (text.isBlank()) {
            return 0;
        }
        TextTitle title = new TextTitle(text, font);
        title.setHorizontalAlignment(HorizontalAlignment.CENTER);
        title.setPadding(new RectangleInsets(4, 8, 2, 8));
        double height = title.arrange(g, new RectangleConstraint(new Range(0, width), new Range(0, 200))).getHeight();
        title.draw(g, new Rectangle2D.Double(0, top, width, height));
        return height;
    }
}
