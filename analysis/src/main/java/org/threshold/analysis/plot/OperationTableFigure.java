package org.threshold.analysis.plot;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.PaintScaleLegend;

/**
 * The operation table of a binary operator as a heat map (the joint-training paper's appendix B,
 * figures 26–28): the left operand a down the side, the right operand b along the top row's axis,
 * the cell coloured by the value of (a, b) on a viridis scale over the element indices, and, while
 * the cells are large enough to read, written as the value's token. A group's table is a Latin
 * square (each colour once per row and column); an operator with few values shows few colours.
 *
 * <pre>{@code
 * new OperationTableFigure("OP_TOP on S3×S3", table, tokens).writePng(dir.resolve("OP_TOP.png"));
 * }</pre>
 */
public final class OperationTableFigure implements Figure {

    /** Up to this many elements each cell carries its value's token. */
    static final int MAX_WRITTEN = 48;

    private final String title;
    private final int[][] table;
    private final List<String> tokens;

    /**
     * @param table table[a][b], the value of (a, b), each an element index in 0..n-1
     * @param tokens the n elements' tokens, in index order (row and column labels, cell text)
     */
    public OperationTableFigure(String title, int[][] table, List<String> tokens) {
        int n = tokens.size();
        if (n < 2) {
            throw new IllegalArgumentException("an operation table needs at least 2 elements, got " + n);
        }
        if (table.length != n) {
            throw new IllegalArgumentException("the table needs one row per element: " + n + " elements, " + table.length + " rows");
        }
        int[][] copy = new int[n][];
        for (int a = 0; a < n; a++) {
            if (table[a].length != n) {
                throw new IllegalArgumentException("row " + a + " has " + table[a].length + " values, expected " + n);
            }
            for (int b = 0; b < n; b++) {
                if (table[a][b] < 0 || table[a][b] >= n) {
                    throw new IllegalArgumentException("the value at [" + a + "][" + b + "] = " + table[a][b]
                            + " is not an element index 0.." + (n - 1));
                }
            }
            copy[a] = table[a].clone();
        }
        this.title = title;
        this.table = copy;
        this.tokens = List.copyOf(tokens);
    }

    /** Pixels per cell at the preferred size: room for a token up to 12 elements, then smaller. */
    static int cellSize(int n) {
        if (n <= 12) {
            return 40;
        }
        if (n <= MAX_WRITTEN) {
            return 22;
        }
        return Math.max(2, 1000 / n);
    }

    /** A square plot of n cells per side, plus room for the axes, the title and the colour bar. */
    @Override
    public Dimension preferredSize() {
        int side = tokens.size() * cellSize(tokens.size());
        return new Dimension(side + 150, side + 100);
    }

    @Override
    public BufferedImage render(int width, int height) {
        return Panels.single(chart(), width, height);
    }

    public JFreeChart chart() {
        Headless.ensure();
        int n = tokens.size();
        double[][] values = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                values[a][b] = table[a][b];
            }
        }
        ColourScale scale = ColourScale.viridis(0, n - 1);
        JFreeChart chart = HeatMap.chart(title, values, tokens, "right operand b", "left operand a", scale, "value (element index)");
        for (Object subtitle : chart.getSubtitles()) {
            if (subtitle instanceof PaintScaleLegend legend && legend.getAxis() instanceof NumberAxis axis) {
                // Element indices are whole numbers.
                axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
                axis.setAutoTickUnitSelection(true);
            }
        }
        if (n <= MAX_WRITTEN) {
            XYPlot plot = chart.getXYPlot();
            Font font = new Font(Font.SANS_SERIF, Font.PLAIN, n <= 12 ? 13 : 10);
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    XYTextAnnotation cell = new XYTextAnnotation(tokens.get(table[a][b]), b, a);
                    cell.setFont(font);
                    // Light text on the dark (low) end of viridis, dark text on the light end.
                    cell.setPaint(scale.position(table[a][b]) < 0.6 ? Color.WHITE : Color.BLACK);
                    plot.addAnnotation(cell, false);
                }
            }
        }
        return chart;
    }
}
