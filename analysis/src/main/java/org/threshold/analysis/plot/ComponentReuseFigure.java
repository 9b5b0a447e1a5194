package org.threshold.analysis.plot;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * Component reuse per layer (SPEC section 8), two panels: the cosine similarity of the MLP output
 * at the answer position, direct against routed prompt of the same sum beside the control of
 * another sum (mean bars, ±1 SD lines); and activation patching, the shares of answers that are the
 * donor's sum, the original sum or neither, stacked, with chance 1/n dotted.
 *
 * <pre>{@code new ComponentReuseFigure("Component reuse of run 1a2b", 0.1, layers).writePng(dir.resolve("component-reuse.png"));}</pre>
 */
public final class ComponentReuseFigure implements Figure {

    /**
     * One layer's bars.
     *
     * @param label the layer's name on the axis, e.g. {@code layer 1}
     */
    public record Layer(String label, double sameMean, double sameSd, double controlMean, double controlSd, double donor,
                        double original, double neither) {
    }

    private final String title;
    private final double chance;
    private final List<Layer> layers;

    public ComponentReuseFigure(String title, double chance, List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a component-reuse figure needs at least one layer with an MLP");
        }
        this.title = title;
        this.chance = chance;
        this.layers = List.copyOf(layers);
    }

    @Override
    public Dimension preferredSize() {
        return new Dimension(540 + 220 * layers.size(), 440);
    }

    @Override
    public BufferedImage render(int width, int height) {
        String subtitle = String.format(Locale.ROOT, "left: cosine of hook_mlp_out at the answer position (mean, ±1 SD);"
                + " right: routed prompt with that layer's MLP output from a donor of another sum (chance 1/n = %.3f)", chance);
        return Panels.sideBySide(title, subtitle, List.of(similarity(), patching()), new double[] {1, 1}, width, height);
    }

    private JFreeChart similarity() {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (Layer l : layers) {
            data.add(l.sameMean(), l.sameSd(), "same sum (direct vs routed)", l.label());
            data.add(l.controlMean(), l.controlSd(), "control (another sum)", l.label());
        }
        NumberAxis cosine = new NumberAxis("cosine similarity");
        cosine.setRange(-1.05, 1.05);
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, Palette.series(4));
        renderer.setSeriesPaint(1, Color.LIGHT_GRAY);
        renderer.setErrorIndicatorPaint(Color.BLACK);
        renderer.setMaximumBarWidth(0.2);
        CategoryPlot plot = plot(data, cosine, renderer);
        plot.addRangeMarker(new ValueMarker(0, Color.GRAY, Palette.dotted(0.8f)));
        return chart("MLP output similarity", plot);
    }

    private JFreeChart patching() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Layer l : layers) {
            data.addValue(l.donor(), "donor's sum", l.label());
            data.addValue(l.original(), "original sum", l.label());
            data.addValue(l.neither(), "neither", l.label());
        }
        NumberAxis share = new NumberAxis("share of patched answers");
        share.setRange(0, 1.0);
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, Palette.ABOVE);
        renderer.setSeriesPaint(1, Palette.BELOW);
        renderer.setSeriesPaint(2, Color.LIGHT_GRAY);
        renderer.setMaximumBarWidth(0.25);
        CategoryPlot plot = plot(data, share, renderer);
        plot.addRangeMarker(new ValueMarker(chance, Palette.THRESHOLD, Palette.dotted(1.5f)));
        return chart("Activation patching", plot);
    }

    private static CategoryPlot plot(CategoryDataset data, NumberAxis range, CategoryItemRenderer renderer) {
        CategoryAxis axis = new CategoryAxis(null);
        axis.setTickLabelFont(Palette.LABEL);
        range.setLabelFont(Palette.LABEL);
        range.setTickLabelFont(Palette.TICK);
        CategoryPlot plot = new CategoryPlot(data, axis, range, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setOutlinePaint(Color.GRAY);
        return plot;
    }

    private static JFreeChart chart(String title, CategoryPlot plot) {
        Headless.ensure();
        JFreeChart chart = new JFreeChart(title, Palette.PANEL_TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(Palette.LABEL);
        legend.setFrame(BlockBorder.NONE);
        return chart;
    }
}
