package org.threshold.analysis.plot;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/** A square matrix as coloured cells, row 0 at the top, with a colour bar (shared by two figures). */
final class HeatMap {

    /** Up to this many rows and columns every label is written; beyond, the axis picks numbers. */
    private static final int MAX_LABELLED = 48;

    private HeatMap() {
    }

    /**
     * @param values values[row][column]
     * @param rowLabels one label per row (and column); empty for the indices
     */
    static JFreeChart chart(String title, double[][] values, List<String> rowLabels, String xLabel, String yLabel,
                            PaintScale scale, String scaleLabel) {
        int n = values.length;
        int m = values[0].length;
        double[] x = new double[n * m];
        double[] y = new double[n * m];
        double[] z = new double[n * m];
        int k = 0;
        for (int row = 0; row < n; row++) {
            for (int column = 0; column < m; column++) {
                x[k] = column;
                y[k] = row;
                z[k] = values[row][column];
                k++;
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("values", new double[][] {x, y, z});
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        ValueAxis columns = axis(xLabel, rowLabels, m, true);
        ValueAxis rows = axis(yLabel, rowLabels, n, false);
        rows.setInverted(true);
        XYPlot plot = new XYPlot(data, columns, rows, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlinePaint(Color.GRAY);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        JFreeChart chart = new JFreeChart(title, Palette.PANEL_TITLE, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        NumberAxis scaleAxis = new NumberAxis(scaleLabel);
        scaleAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
        scaleAxis.setTickUnit(new NumberTickUnit((scale.getUpperBound() - scale.getLowerBound()) / 4));
        scaleAxis.setLabelFont(Palette.SMALL);
        scaleAxis.setTickLabelFont(Palette.SMALL);
        PaintScaleLegend bar = new PaintScaleLegend(scale, scaleAxis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setMargin(new RectangleInsets(8, 6, 8, 4));
        bar.setStripWidth(12);
        bar.setSubdivisionCount(100);
        bar.setFrame(BlockBorder.NONE);
        chart.addSubtitle(bar);
        return chart;
    }

    private static ValueAxis axis(String label, List<String> labels, int count, boolean horizontal) {
        ValueAxis axis;
        if (!labels.isEmpty() && count <= MAX_LABELLED) {
            SymbolAxis symbols = new SymbolAxis(label, labels.toArray(new String[0]));
            symbols.setGridBandsVisible(false);
            if (horizontal && count > 16) {
                symbols.setVerticalTickLabels(true);
            }
            axis = symbols;
        } else {
            NumberAxis numbers = new NumberAxis(label);
            numbers.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            axis = numbers;
        }
        axis.setRange(-0.5, count - 0.5);
        axis.setLabelFont(Palette.LABEL);
        axis.setTickLabelFont(count > 24 ? Palette.SMALL : Palette.TICK);
        return axis;
    }
}
