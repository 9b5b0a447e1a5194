package org.threshold.analysis.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Paint;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.CategoryLineAnnotation;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.CategoryAnchor;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.threshold.analysis.transition.ParameterCount;
import org.threshold.analysis.transition.Side;
import org.threshold.analysis.transition.TransitionEstimate;
import org.threshold.analysis.transition.TransitionPoint;

/**
 * Transition points per mixture as bars on a log axis (paper figures 1b, 15 bottom): a solid bar
 * for a value with its bootstrap interval as a black line, a hatched bar labelled "&lt;4.1k" or
 * "&gt;53.0k" for a bound (the transition lies beyond the end of the bar in the direction of the
 * sign), and "no estimate" where the sweep gives none. Sorted as {@link TransitionFigure}.
 *
 * <pre>{@code new TransitionBarChart("Transition points at 50%", points).writePng(dir.resolve("transition-bars.png"));}</pre>
 */
public final class TransitionBarChart implements Figure {

    private final String title;
    private final List<TransitionPoint> points;

    public TransitionBarChart(String title, List<TransitionPoint> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a transition bar chart needs at least one mixture");
        }
        this.title = title;
        this.points = TransitionFigure.sortedByTransition(points);
    }

    @Override
    public Dimension preferredSize() {
        return new Dimension(Math.max(520, 200 + 110 * points.size()), 460);
    }

    @Override
    public BufferedImage render(int width, int height) {
        return Panels.single(chart(), width, height);
    }

    public JFreeChart chart() {
        Headless.ensure();
        long smallest = points.stream().mapToLong(TransitionPoint::smallestSize).min().orElseThrow();
        long largest = points.stream().mapToLong(TransitionPoint::largestSize).max().orElseThrow();
        double span = Math.log10(largest) - Math.log10(smallest);
        double lower = Math.pow(10, Math.log10(smallest) - Math.max(0.15, 0.25 * span));
        double upper = Math.pow(10, Math.log10(largest) + Math.max(0.15, 0.25 * span));

        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (TransitionPoint point : points) {
            data.addValue(value(point), "transition", point.mixture());
        }
        LogScaleAxis parameters = new LogScaleAxis("parameters at the transition", LogScaleAxis::parameterLabel);
        parameters.setRange(lower, upper);
        CategoryAxis mixtures = new CategoryAxis(null);
        mixtures.setTickLabelFont(Palette.LABEL);
        mixtures.setMaximumCategoryLabelLines(2);
        if (points.size() > 6) {
            mixtures.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }

        BarRenderer renderer = new BarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int row, int column) {
                Color colour = Palette.series(column);
                return points.get(column).estimate() instanceof TransitionEstimate.Bounded ? Palette.hatched(colour) : colour;
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(Color.DARK_GRAY);
        renderer.setMaximumBarWidth(0.12);
        // Bars grow from the bottom of the log axis, not from 0 (which a log axis cannot show).
        renderer.setBase(lower);
        renderer.setIncludeBaseInRange(false);

        CategoryPlot plot = new CategoryPlot(data, mixtures, parameters, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setOutlinePaint(Color.GRAY);
        for (TransitionPoint point : points) {
            annotate(plot, point, lower, upper);
        }
        plot.setFixedLegendItems(legend());

        JFreeChart chart = new JFreeChart(title, Palette.TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(Palette.LABEL);
        legend.setFrame(BlockBorder.NONE);
        return chart;
    }

    /** The bar's height: the value or the bound; no bar when undetermined. */
    private static Double value(TransitionPoint point) {
        if (point.estimate() instanceof TransitionEstimate.Located located) {
            return located.parameters();
        }
        if (point.estimate() instanceof TransitionEstimate.Bounded bound) {
            return bound.parameters();
        }
        return null;
    }

    private static void annotate(CategoryPlot plot, TransitionPoint point, double lower, double upper) {
        String mixture = point.mixture();
        TransitionEstimate estimate = point.estimate();
        double labelAt;
        String label;
        if (estimate instanceof TransitionEstimate.Located located) {
            double top = located.parameters();
            if (point.interval().isPresent()) {
                double from = endpoint(point.interval().get().lower(), lower, upper);
                double to = endpoint(point.interval().get().upper(), lower, upper);
                plot.addAnnotation(new CategoryLineAnnotation(mixture, from, mixture, to, Color.BLACK, new BasicStroke(2f)));
                top = Math.max(top, to);
            }
            labelAt = top * 1.08;
            label = ParameterCount.format(located.parameters());
        } else if (estimate instanceof TransitionEstimate.Bounded bound) {
            labelAt = bound.parameters() * 1.08;
            label = bound.side().symbol() + ParameterCount.format(bound.parameters());
        } else {
            labelAt = lower * 1.1;
            label = "no estimate";
        }
        CategoryTextAnnotation text = new CategoryTextAnnotation(label, mixture, Math.min(labelAt, upper / 1.15));
        text.setCategoryAnchor(CategoryAnchor.MIDDLE);
        text.setTextAnchor(TextAnchor.BOTTOM_CENTER);
        text.setFont(Palette.LABEL);
        plot.addAnnotation(text);
    }

    private static double endpoint(TransitionEstimate estimate, double lower, double upper) {
        if (estimate instanceof TransitionEstimate.Located located) {
            return located.parameters();
        }
        return ((TransitionEstimate.Bounded) estimate).side() == Side.BELOW ? lower : upper;
    }

    private static LegendItemCollection legend() {
        LegendItemCollection items = new LegendItemCollection();
        Rectangle2D box = new Rectangle2D.Double(-6, -6, 12, 12);
        items.add(new LegendItem("transition point", null, null, null, box, Color.GRAY));
        items.add(new LegendItem("bound (transition < or > the bar's end)", null, null, null,
                box, Palette.hatched(Color.GRAY)));
        items.add(new LegendItem("95% bootstrap interval", null, null, null, new Line2D.Double(0, -6, 0, 6),
                new BasicStroke(2f), Color.BLACK));
        return items;
    }
}
