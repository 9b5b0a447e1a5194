package org.threshold.analysis.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.threshold.analysis.embedding.EmbeddingPca;
import org.threshold.analysis.embedding.OrderStructure;
import org.threshold.analysis.embedding.ParitySeparation;

/**
 * The embedding picture of paper figure 2: the group's averaged cosine-similarity matrix as a heat
 * map, the top principal components against the element value (odd elements red, even blue), and
 * PC2 against PC1 with each element labelled. The subtitle carries the parity-separation and
 * order numbers and the notes a reader must see (e.g. "no run above 90%: best 3 runs by accuracy").
 *
 * <pre>{@code
 * new EmbeddingPcaFigure("MAX+MED+SUM, accuracy > 0.9 (12 runs)", pca, 4)
 *         .withNotes(List.of("group: 12 runs")).writePng(dir.resolve("embedding-pca.png"));
 * }</pre>
 */
public final class EmbeddingPcaFigure implements Figure {

    /** Up to this many elements the scatter labels every point with its element. */
    private static final int MAX_POINT_LABELS = 40;

    private final String title;
    private final EmbeddingPca pca;
    private final int top;
    private final List<String> elementLabels;
    private final List<String> notes;

    /** @param top how many leading components to draw and measure (at least 2) */
    public EmbeddingPcaFigure(String title, EmbeddingPca pca, int top) {
        this(title, pca, top, List.of(), List.of());
    }

    private EmbeddingPcaFigure(String title, EmbeddingPca pca, int top, List<String> elementLabels, List<String> notes) {
        if (top < 2 || top > pca.size()) {
            throw new IllegalArgumentException("draw between 2 and " + pca.size() + " components, got " + top);
        }
        if (!elementLabels.isEmpty() && elementLabels.size() != pca.size()) {
            throw new IllegalArgumentException(pca.size() + " elements need " + pca.size() + " labels, got " + elementLabels.size());
        }
        this.title = title;
        this.pca = pca;
        this.top = top;
        this.elementLabels = List.copyOf(elementLabels);
        this.notes = List.copyOf(notes);
    }

    /** The same figure with the elements' tokens ("A".."Z") instead of their values on the axes. */
    public EmbeddingPcaFigure withElementLabels(List<String> labels) {
        return new EmbeddingPcaFigure(title, pca, top, labels, notes);
    }

    /** The same figure with lines of notes under the numbers. */
    public EmbeddingPcaFigure withNotes(List<String> lines) {
        return new EmbeddingPcaFigure(title, pca, top, elementLabels, lines);
    }

    @Override
    public Dimension preferredSize() {
        return new Dimension(1500, 560);
    }

    @Override
    public BufferedImage render(int width, int height) {
        return render(width, height, new ArrayList<>());
    }

    /** As {@link #render(int, int)}, adding the heat map, the components and the plane as drawn to {@code drawn}. */
    BufferedImage render(int width, int height, List<DrawnChart> drawn) {
        Headless.ensure();
        ParitySeparation parity = pca.parity(top);
        OrderStructure order = pca.order(top);
        List<String> lines = new ArrayList<>();
        lines.add(parity.describe() + ";  " + order.describe());
        lines.addAll(notes);
        JFreeChart heat = HeatMap.chart("averaged cosine similarity", pca.matrix().toArray(), labels(), "element", "element",
                ColourScale.blueWhiteRed(-1, 1), "cosine");
        return Panels.sideBySide(title, String.join("\n", lines), List.of(heat, components(), plane()),
                new double[] {1.0, 1.05, 0.85}, parityLegend(), width, height, drawn);
    }

    private List<String> labels() {
        return elementLabels.isEmpty() ? IntStream.range(0, pca.size()).mapToObj(Integer::toString).toList() : elementLabels;
    }

    private String label(int element) {
        return labels().get(element);
    }

    /** PC1..PCtop against the element value, stacked, sharing the element axis. */
    private JFreeChart components() {
        NumberAxis elements = new NumberAxis("element value");
        elements.setLabelFont(Palette.LABEL);
        elements.setTickLabelFont(Palette.TICK);
        elements.setRange(-0.5, pca.size() - 0.5);
        elements.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot stacked = new CombinedDomainXYPlot(elements);
        stacked.setGap(6);
        for (int pc = 1; pc <= top; pc++) {
            XYPlot plot = ComponentPanel.of(pca, pc, dotSize());
            plot.addRangeMarker(new ValueMarker(0, new Color(0x999999), new BasicStroke(0.8f)));
            stacked.add(plot, 1);
        }
        JFreeChart chart = new JFreeChart("top components by element", Palette.PANEL_TITLE, stacked, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** PC2 against PC1, points labelled with their element. */
    private JFreeChart plane() {
        double[] pc1 = pca.component(1);
        double[] pc2 = pca.component(2);
        XYSeries odd = new XYSeries("odd", false, true);
        XYSeries even = new XYSeries("even", false, true);
        List<Integer> oddElements = new ArrayList<>();
        List<Integer> evenElements = new ArrayList<>();
        for (int k = 0; k < pc1.length; k++) {
            if (k % 2 == 1) {
                odd.add(pc1[k], pc2[k]);
                oddElements.add(k);
            } else {
                even.add(pc1[k], pc2[k]);
                evenElements.add(k);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(new XYSeries("path", false, true));
        data.addSeries(odd);
        data.addSeries(even);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        ComponentPanel.parityDots(renderer, dotSize());
        if (pca.size() <= MAX_POINT_LABELS) {
            renderer.setDefaultItemLabelGenerator((dataset, series, item) ->
                    label(series == 1 ? oddElements.get(item) : evenElements.get(item)));
            renderer.setDefaultItemLabelsVisible(true);
            renderer.setDefaultItemLabelFont(Palette.SMALL);
            renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
            renderer.setDefaultNegativeItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        }
        NumberAxis x = new NumberAxis("PC1");
        NumberAxis y = new NumberAxis("PC2");
        for (NumberAxis axis : List.of(x, y)) {
            axis.setLabelFont(Palette.LABEL);
            axis.setTickLabelFont(Palette.SMALL);
            axis.setAutoRangeIncludesZero(false);
            axis.setLowerMargin(0.1);
            axis.setUpperMargin(0.1);
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        ComponentPanel.styled(plot);
        JFreeChart chart = new JFreeChart("PC2 against PC1", Palette.PANEL_TITLE, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private double dotSize() {
        return pca.size() > 60 ? 5 : 8;
    }

    private static LegendItemCollection parityLegend() {
        LegendItemCollection items = new LegendItemCollection();
        items.add(new LegendItem("odd element", null, null, null, Palette.circle(8), Palette.ODD));
        items.add(new LegendItem("even element", null, null, null, Palette.circle(8), Palette.EVEN));
        return items;
    }
}
