package org.threshold.analysis.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.threshold.analysis.transition.LogisticCurve;
import org.threshold.analysis.transition.ParameterCount;
import org.threshold.analysis.transition.RunAccuracy;
import org.threshold.analysis.transition.Side;
import org.threshold.analysis.transition.TransitionEstimate;
import org.threshold.analysis.transition.TransitionPoint;

/**
 * Accuracy against parameter count, one panel per mixture (paper figures 1, 15, 20, 29): red dots
 * for runs above the threshold, blue at or below, the logistic fit as a dashed green line, a yellow
 * star at the transition point with its bootstrap interval as a bar, and the threshold as a dotted
 * line. Panels share both axes and are sorted by transition point, as in the paper. A bound is
 * drawn as an arrow at the edge it points past; every panel's caption says the estimate in words.
 *
 * <pre>{@code new TransitionFigure("Triplets mod 10, held-out SUM", points).writePng(dir.resolve("transition.png"));}</pre>
 */
public final class TransitionFigure implements Figure {

    private final String title;
    private final List<TransitionPoint> points;

    public TransitionFigure(String title, List<TransitionPoint> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a transition figure needs at least one mixture");
        }
        this.title = title;
        this.points = sortedByTransition(points);
    }

    /** Located transitions ascending, bounds at their bound, undetermined ones last (stable). */
    static List<TransitionPoint> sortedByTransition(List<TransitionPoint> points) {
        List<TransitionPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(TransitionFigure::sortKey));
        return sorted;
    }

    static double sortKey(TransitionPoint point) {
        TransitionEstimate estimate = point.estimate();
        if (estimate instanceof TransitionEstimate.Located located) {
            return Math.log10(located.parameters());
        }
        if (estimate instanceof TransitionEstimate.Bounded bound) {
            return Math.log10(bound.parameters()) + (bound.side() == Side.BELOW ? -1e-6 : 1e-6);
        }
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public Dimension preferredSize() {
        return new Dimension(Math.max(600, 60 + 380 * points.size()), 500);
    }

    @Override
    public BufferedImage render(int width, int height) {
        return render(width, height, new ArrayList<>());
    }

    /** As {@link #render(int, int)}, adding each panel as drawn to {@code drawn}. */
    BufferedImage render(int width, int height, List<DrawnChart> drawn) {
        List<JFreeChart> panels = panels();
        double[] shares = new double[panels.size()];
        Arrays.fill(shares, 1.0);
        // The first panel carries the accuracy axis label.
        shares[0] = 1.08;
        return Panels.sideBySide(title, "", panels, shares, legend(points.get(0).threshold()), width, height, drawn);
    }

    /** One chart per mixture, in the figure's order, with shared axis ranges. */
    public List<JFreeChart> panels() {
        Headless.ensure();
        double threshold = points.get(0).threshold();
        long smallest = points.stream().mapToLong(TransitionPoint::smallestSize).min().orElseThrow();
        long largest = points.stream().mapToLong(TransitionPoint::largestSize).max().orElseThrow();
        // A margin of a tenth of the range (at least 0.06 decades) keeps edge points off the frame.
        double margin = Math.max(0.06, 0.1 * (Math.log10(largest) - Math.log10(smallest)));
        double lower = Math.pow(10, Math.log10(smallest) - margin);
        double upper = Math.pow(10, Math.log10(largest) + margin);
        List<JFreeChart> charts = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            charts.add(panel(points.get(i), threshold, lower, upper, i == 0));
        }
        return charts;
    }

    private static JFreeChart panel(TransitionPoint point, double threshold, double lower, double upper, boolean first) {
        LogScaleAxis parameters = new LogScaleAxis("parameters", LogScaleAxis::parameterLabel);
        parameters.setRange(lower, upper);
        NumberAxis accuracy = new NumberAxis(first ? "accuracy" : null);
        accuracy.setRange(-0.03, 1.05);
        accuracy.setTickUnit(new NumberTickUnit(0.25));
        accuracy.setLabelFont(Palette.LABEL);
        accuracy.setTickLabelFont(Palette.TICK);

        XYSeries above = new XYSeries("above", false, true);
        XYSeries below = new XYSeries("below", false, true);
        for (RunAccuracy run : point.runs()) {
            (run.accuracy() > threshold ? above : below).add(run.parameters(), run.accuracy());
        }
        XYSeries fit = new XYSeries("fit", false, true);
        point.fit().ifPresent(f -> {
            LogisticCurve curve = f.curve();
            for (int i = 0; i <= 200; i++) {
                double x = Math.log10(lower) + i * (Math.log10(upper) - Math.log10(lower)) / 200;
                fit.add(Math.pow(10, x), curve.at(x));
            }
        });
        XYSeries star = new XYSeries("star", false, true);
        if (point.estimate() instanceof TransitionEstimate.Located located) {
            star.add(located.parameters(), threshold);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(fit);
        data.addSeries(below);
        data.addSeries(above);
        data.addSeries(star);

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        // One path per series, so the dash pattern runs along the curve instead of restarting per segment.
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setSeriesLinesVisible(0, true);
        renderer.setSeriesShapesVisible(0, false);
        renderer.setSeriesPaint(0, Palette.FIT);
        renderer.setSeriesStroke(0, Palette.dashed(2f));
        dots(renderer, 1, Palette.circle(8), Palette.translucent(Palette.BELOW, 190));
        dots(renderer, 2, Palette.circle(8), Palette.translucent(Palette.ABOVE, 190));
        dots(renderer, 3, Palette.star(11), Palette.STAR);
        renderer.setUseOutlinePaint(true);
        renderer.setDrawOutlines(true);
        for (int s = 0; s < 3; s++) {
            renderer.setSeriesOutlinePaint(s, Palette.translucent(Color.BLACK, 0));
        }
        renderer.setSeriesOutlinePaint(3, Palette.STAR_EDGE);
        renderer.setSeriesOutlineStroke(3, new BasicStroke(1.2f));

        XYPlot plot = new XYPlot(data, parameters, accuracy, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Palette.GRID);
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setOutlinePaint(Color.GRAY);
        plot.addRangeMarker(new ValueMarker(threshold, Palette.THRESHOLD, Palette.dotted(1f)));
        point.interval().ifPresent(ci -> {
            if (point.estimate() instanceof TransitionEstimate.Located) {
                plot.addAnnotation(new XYLineAnnotation(endpoint(ci.lower(), lower, upper), threshold,
                        endpoint(ci.upper(), lower, upper), threshold, new BasicStroke(3f), Palette.translucent(Palette.STAR_EDGE, 200)));
            }
        });
        if (point.estimate() instanceof TransitionEstimate.Bounded bound) {
            plot.addAnnotation(boundArrow(bound, threshold, lower, upper));
        }

        JFreeChart chart = new JFreeChart(point.mixture(), Palette.TITLE, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(0, 4, 0, 8));
        TextTitle caption = new TextTitle(caption(point), Palette.SUBTITLE);
        chart.addSubtitle(caption);
        return chart;
    }

    /** An arrow at the threshold from the bound towards the edge the transition lies beyond. */
    private static XYPointerAnnotation boundArrow(TransitionEstimate.Bounded bound, double threshold, double lower, double upper) {
        boolean below = bound.side() == Side.BELOW;
        double tip = below ? lower * 1.01 : upper / 1.01;
        XYPointerAnnotation arrow = new XYPointerAnnotation(bound.side().symbol() + ParameterCount.format(bound.parameters()),
                tip, threshold, below ? 0.0 : Math.PI);
        arrow.setArrowPaint(Palette.STAR_EDGE);
        arrow.setArrowStroke(new BasicStroke(2f));
        arrow.setBaseRadius(46);
        arrow.setTipRadius(0);
        arrow.setFont(Palette.LABEL);
        arrow.setPaint(Palette.STAR_EDGE);
        arrow.setTextAnchor(below ? TextAnchor.BOTTOM_LEFT : TextAnchor.BOTTOM_RIGHT);
        arrow.setLabelOffset(4);
        return arrow;
    }

    /** An interval endpoint on the axis; a bound reaches to the edge of the plot. */
    private static double endpoint(TransitionEstimate estimate, double lower, double upper) {
        if (estimate instanceof TransitionEstimate.Located located) {
            return located.parameters();
        }
        return ((TransitionEstimate.Bounded) estimate).side() == Side.BELOW ? lower : upper;
    }

    /** The estimate in few words, then the plain count of runs above. */
    static String caption(TransitionPoint point) {
        TransitionEstimate estimate = point.estimate();
        String text;
        if (estimate instanceof TransitionEstimate.Located located) {
            text = ParameterCount.format(located.parameters()) + point.interval().map(ci -> " (" + ci.describe() + ")").orElse("")
                    + (point.stepLike() ? ", step-like fit" : "");
        } else if (estimate instanceof TransitionEstimate.Bounded bound) {
            text = bound.describe() + ": " + bound.reason();
        } else {
            text = estimate.describe();
        }
        return text + "\n" + point.runsAbove() + " of " + point.runs().size() + " runs above "
                + Math.round(point.threshold() * 100) + "%";
    }

    private static void dots(XYLineAndShapeRenderer renderer, int series, Shape shape, Color colour) {
        renderer.setSeriesLinesVisible(series, false);
        renderer.setSeriesShapesVisible(series, true);
        renderer.setSeriesShape(series, shape);
        renderer.setSeriesPaint(series, colour);
    }

    private static LegendItemCollection legend(double threshold) {
        String percent = Math.round(threshold * 100) + "%";
        LegendItemCollection items = new LegendItemCollection();
        items.add(new LegendItem("above " + percent, null, null, null, Palette.circle(8), Palette.ABOVE));
        items.add(new LegendItem("at or below " + percent, null, null, null, Palette.circle(8), Palette.BELOW));
        items.add(new LegendItem("logistic fit", null, null, null, new Line2D.Double(-10, 0, 10, 0), Palette.dashed(2f), Palette.FIT));
        items.add(new LegendItem("transition point (" + percent + ") with bootstrap interval", null, null, null,
                Palette.star(8), Palette.STAR, new BasicStroke(1f), Palette.STAR_EDGE));
        return items;
    }
}
