package org.threshold.analysis.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.threshold.analysis.distribution.DistributionComparison;
import org.threshold.analysis.distribution.SharedBins;

/**
 * Two groups' distributions overlaid as density histograms on shared bins, with their difference
 * (a − b) as a black line, one panel per comparison (appendix F, figure 42: attention and
 * feed-forward log-ratios of MAX+MED+SUM against SUM). Each panel's caption gives KS, Cohen's d and
 * the mean difference with its 95% interval; the bins are those the Jensen–Shannon divergence uses.
 *
 * <pre>{@code
 * new RatioHistogramFigure("Layer ratios, final layer", List.of(
 *         new GroupSamples("attention", "MAX+MED+SUM", all3Attn, "SUM", sumAttn),
 *         new GroupSamples("feed-forward", "MAX+MED+SUM", all3Ffn, "SUM", sumFfn))).writePng(file);
 * }</pre>
 */
public final class RatioHistogramFigure implements Figure {

    private static final Color GROUP_A = new Color(0xD6, 0x27, 0x28);
    private static final Color GROUP_B = new Color(0x1F, 0x77, 0xB4);

    private final String title;
    private final List<GroupSamples> panels;
    private final String valueLabel;

    /** Panels of log-ratios: the x axis reads "log(‖output‖ / ‖input‖)". */
    public RatioHistogramFigure(String title, List<GroupSamples> panels) {
        this(title, panels, "log ratio of layer output norm to input norm");
    }

    public RatioHistogramFigure(String title, List<GroupSamples> panels, String valueLabel) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a histogram figure needs at least one panel");
        }
        this.title = title;
        this.panels = List.copyOf(panels);
        this.valueLabel = valueLabel;
    }

    @Override
    public Dimension preferredSize() {
        return new Dimension(Math.max(600, 560 * panels.size()), 480);
    }

    @Override
    public BufferedImage render(int width, int height) {
        return render(width, height, new ArrayList<>());
    }

    /** As {@link #render(int, int)}, adding each panel as drawn to {@code drawn}. */
    BufferedImage render(int width, int height, List<DrawnChart> drawn) {
        Headless.ensure();
        List<JFreeChart> charts = new ArrayList<>();
        for (GroupSamples samples : panels) {
            charts.add(panel(samples));
        }
        double[] shares = new double[charts.size()];
        Arrays.fill(shares, 1.0);
        GroupSamples first = panels.get(0);
        return Panels.sideBySide(title, "", charts, shares, legend(first.nameA(), first.nameB()), width, height, drawn);
    }

    private JFreeChart panel(GroupSamples samples) {
        double[] a = samples.a();
        double[] b = samples.b();
        DistributionComparison stats = DistributionComparison.compare(a, b);
        SharedBins bins = stats.bins();
        double[] densityA = bins.densities(a);
        double[] densityB = bins.densities(b);

        XYIntervalSeries barsA = new XYIntervalSeries(samples.nameA());
        XYIntervalSeries barsB = new XYIntervalSeries(samples.nameB());
        XYSeries difference = new XYSeries(samples.nameA() + " − " + samples.nameB(), false, true);
        for (int i = 0; i < bins.count(); i++) {
            double left = bins.lower() + i * bins.width();
            double right = left + bins.width();
            barsA.add(bins.center(i), left, right, densityA[i], 0, densityA[i]);
            barsB.add(bins.center(i), left, right, densityB[i], 0, densityB[i]);
            difference.add(bins.center(i), densityA[i] - densityB[i]);
        }
        XYIntervalSeriesCollection histograms = new XYIntervalSeriesCollection();
        histograms.addSeries(barsA);
        histograms.addSeries(barsB);
        XYBarRenderer bars = new XYBarRenderer();
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, Palette.translucent(GROUP_A, 110));
        bars.setSeriesPaint(1, Palette.translucent(GROUP_B, 110));
        bars.setDrawBarOutline(false);

        XYSeriesCollection line = new XYSeriesCollection(difference);
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        lineRenderer.setSeriesPaint(0, Color.BLACK);
        lineRenderer.setSeriesStroke(0, new BasicStroke(1.6f));

        NumberAxis x = new NumberAxis(valueLabel);
        x.setLabelFont(Palette.LABEL);
        x.setTickLabelFont(Palette.TICK);
        x.setAutoRangeIncludesZero(false);
        x.setRange(bins.lower() - bins.width(), bins.upper() + bins.width());
        NumberAxis y = new NumberAxis("density");
        y.setLabelFont(Palette.LABEL);
        y.setTickLabelFont(Palette.TICK);
        y.setAutoRangeIncludesZero(true);

        XYPlot plot = new XYPlot(histograms, x, y, bars);
        plot.setDataset(1, line);
        plot.setRenderer(1, lineRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Palette.GRID);
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setOutlinePaint(Color.GRAY);
        plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(0.8f)));

        JFreeChart chart = new JFreeChart(samples.panel(), Palette.TITLE, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle(caption(samples, stats), Palette.SUBTITLE));
        return chart;
    }

    private static String caption(GroupSamples samples, DistributionComparison stats) {
        return String.format(Locale.ROOT, "%s (n=%d) vs %s (n=%d): KS %.3f (p %s), d %.3f, JSD %.3f\n"
                        + "mean difference %s",
                samples.nameA(), stats.sizeA(), samples.nameB(), stats.sizeB(), stats.kolmogorovSmirnov().statistic(),
                stats.kolmogorovSmirnov().pValueText(), stats.cohensD(), stats.jensenShannon(), stats.meanDifference().describe());
    }

    private static LegendItemCollection legend(String nameA, String nameB) {
        LegendItemCollection items = new LegendItemCollection();
        Rectangle2D box = new Rectangle2D.Double(-6, -6, 12, 12);
        items.add(new LegendItem(nameA, null, null, null, box, Palette.translucent(GROUP_A, 150)));
        items.add(new LegendItem(nameB, null, null, null, box, Palette.translucent(GROUP_B, 150)));
        items.add(new LegendItem("difference " + nameA + " − " + nameB, null, null, null,
                new Line2D.Double(-10, 0, 10, 0), new BasicStroke(1.6f), Color.BLACK));
        return items;
    }
}
