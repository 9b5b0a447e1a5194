package org.threshold.analysis.plot;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.threshold.analysis.embedding.EmbeddingPca;

/**
 * How the embedding's top principal components develop over training (paper figures 4 and 23, the
 * boxes under the curves): one column per checkpoint step, one row per component, each panel the
 * component against the element value with odd elements red and even blue.
 */
public final class ComponentsOverStepsFigure implements Figure {

    private static final int CELL_WIDTH = 260;
    private static final int CELL_HEIGHT = 150;

    private final String title;
    private final List<Long> steps;
    private final List<EmbeddingPca> pcas;
    private final int top;

    /**
     * @param steps the checkpoint steps, one per column
     * @param pcas the PCA at each step
     * @param top how many components (rows)
     */
    public ComponentsOverStepsFigure(String title, List<Long> steps, List<EmbeddingPca> pcas, int top) {
        if (steps.isEmpty() || steps.size() != pcas.size()) {
            throw new IllegalArgumentException("one PCA per step: " + steps.size() + " steps, " + pcas.size() + " PCAs");
        }
        for (EmbeddingPca pca : pcas) {
            if (top < 1 || top > pca.size()) {
                throw new IllegalArgumentException("draw between 1 and " + pca.size() + " components, got " + top);
            }
        }
        this.title = title;
        this.steps = List.copyOf(steps);
        this.pcas = List.copyOf(pcas);
        this.top = top;
    }

    @Override
    public Dimension preferredSize() {
        return new Dimension(Math.max(520, CELL_WIDTH * steps.size()), CELL_HEIGHT * top + 40);
    }

    @Override
    public BufferedImage render(int width, int height) {
        return render(width, height, new ArrayList<>());
    }

    /** As {@link #render(int, int)}, adding each panel as drawn to {@code drawn}, row by row. */
    BufferedImage render(int width, int height, List<DrawnChart> drawn) {
        List<List<JFreeChart>> rows = new ArrayList<>();
        for (int pc = 1; pc <= top; pc++) {
            List<JFreeChart> row = new ArrayList<>();
            for (int column = 0; column < steps.size(); column++) {
                row.add(panel(pcas.get(column), pc, pc == 1 ? "step " + steps.get(column) : null));
            }
            rows.add(row);
        }
        return Panels.grid(title, rows, width, height, drawn);
    }

    private static JFreeChart panel(EmbeddingPca pca, int pc, String heading) {
        XYPlot plot = ComponentPanel.of(pca, pc, pca.size() > 60 ? 4 : 6);
        NumberAxis x = new NumberAxis(null);
        x.setTickLabelFont(Palette.SMALL);
        x.setRange(-0.5, pca.size() - 0.5);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.setDomainAxis(x);
        JFreeChart chart = new JFreeChart(heading, Palette.PANEL_TITLE, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
