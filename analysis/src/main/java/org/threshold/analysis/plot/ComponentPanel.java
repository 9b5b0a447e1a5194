package org.threshold.analysis.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Locale;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.threshold.analysis.embedding.EmbeddingPca;

/**
 * One principal component of the embedding against the element value (paper figures 2 and 4): a
 * grey line through the values, odd elements as red dots and even ones as blue, the value axis
 * named with the component's share of the variance and always including zero.
 */
final class ComponentPanel {

    private ComponentPanel() {
    }

    /**
     * The panel without an element axis: a stacked plot shares one, a lone panel sets its own.
     *
     * @param dotSize the diameter of the element dots
     */
    static XYPlot of(EmbeddingPca pca, int pc, double dotSize) {
        double[] v = pca.component(pc);
        XYSeries path = new XYSeries("path", false, true);
        XYSeries odd = new XYSeries("odd", false, true);
        XYSeries even = new XYSeries("even", false, true);
        for (int k = 0; k < v.length; k++) {
            path.add(k, v[k]);
            (k % 2 == 1 ? odd : even).add(k, v[k]);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(path);
        data.addSeries(odd);
        data.addSeries(even);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, true);
        renderer.setSeriesShapesVisible(0, false);
        renderer.setSeriesPaint(0, new Color(0xBBBBBB));
        renderer.setSeriesStroke(0, new BasicStroke(1f));
        parityDots(renderer, dotSize);
        NumberAxis value = new NumberAxis(String.format(Locale.ROOT, "PC%d (%.0f%%)", pc, 100 * pca.explainedFraction(pc)));
        value.setLabelFont(Palette.SMALL);
        value.setTickLabelFont(Palette.SMALL);
        XYPlot plot = new XYPlot(data, null, value, renderer);
        styled(plot);
        return plot;
    }

    /** Series 1 (odd elements) and 2 (even elements) as dots without lines. */
    static void parityDots(XYLineAndShapeRenderer renderer, double dotSize) {
        for (int series = 1; series <= 2; series++) {
            renderer.setSeriesLinesVisible(series, false);
            renderer.setSeriesShapesVisible(series, true);
            renderer.setSeriesShape(series, Palette.circle(dotSize));
        }
        renderer.setSeriesPaint(1, Palette.ODD);
        renderer.setSeriesPaint(2, Palette.EVEN);
    }

    /** White background, light grid, grey outline. */
    static void styled(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Palette.GRID);
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setOutlinePaint(Color.GRAY);
    }
}
