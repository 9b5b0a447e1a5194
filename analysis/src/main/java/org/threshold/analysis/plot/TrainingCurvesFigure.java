package org.threshold.analysis.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.OptionalDouble;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.threshold.api.curriculum.Evaluation;

/**
 * Training loss and accuracy over steps for chosen runs (paper figures 4, 23): two panels sharing
 * the step axis, loss on a log scale above, accuracy below. Each run has one colour; the
 * accuracy metrics are told apart by line style (solid, dashed, dotted, …) in the order given.
 *
 * <pre>{@code
 * new TrainingCurvesFigure("SUM vs MAX+MED+SUM, d=32", curves, "loss", List.of("accuracy.SUM"))
 *         .writePng(dir.resolve("training.png"));
 * }</pre>
 */
public final class TrainingCurvesFigure implements Figure {

    private static final Stroke[] STYLES = {
        new BasicStroke(1.8f), Palette.dashed(1.8f), Palette.dotted(2f),
        new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {9f, 3f, 2f, 3f}, 0f),
    };

    private final String title;
    private final List<TrainingCurve> curves;
    private final String lossMetric;
    private final List<String> accuracyMetrics;

    /**
     * @param lossMetric the metric drawn in the upper panel (the trainer's training-loss name)
     * @param accuracyMetrics the metrics drawn in the lower panel, e.g. {@code accuracy},
     *     {@code accuracy.SUM}; evaluations without a metric are skipped for that line
     */
    public TrainingCurvesFigure(String title, List<TrainingCurve> curves, String lossMetric, List<String> accuracyMetrics) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("a training-curve figure needs at least one run");
        }
        if (accuracyMetrics.isEmpty()) {
            throw new IllegalArgumentException("name at least one accuracy metric to draw (e.g. accuracy)");
        }
        this.title = title;
        this.curves = List.copyOf(curves);
        this.lossMetric = lossMetric;
        this.accuracyMetrics = List.copyOf(accuracyMetrics);
    }

    @Override
    public Dimension preferredSize() {
        return new Dimension(900, 640);
    }

    @Override
    public BufferedImage render(int width, int height) {
        return Panels.single(chart(), width, height);
    }

    public JFreeChart chart() {
        Headless.ensure();
        XYSeriesCollection losses = new XYSeriesCollection();
        XYSeriesCollection accuracies = new XYSeriesCollection();
        XYLineAndShapeRenderer lossRenderer = renderer();
        XYLineAndShapeRenderer accuracyRenderer = renderer();
        double minLoss = Double.POSITIVE_INFINITY;
        double maxLoss = 0;
        for (int r = 0; r < curves.size(); r++) {
            TrainingCurve curve = curves.get(r);
            XYSeries loss = series(curve, lossMetric, curve.label());
            if (loss.getItemCount() > 0) {
                lossRenderer.setSeriesPaint(losses.getSeriesCount(), Palette.series(r));
                lossRenderer.setSeriesStroke(losses.getSeriesCount(), STYLES[0]);
                losses.addSeries(loss);
                minLoss = Math.min(minLoss, loss.getMinY());
                maxLoss = Math.max(maxLoss, loss.getMaxY());
            }
            for (int m = 0; m < accuracyMetrics.size(); m++) {
                String metric = accuracyMetrics.get(m);
                // The legend names each run once (its first metric); the subtitle keys the line styles.
                String name = m == 0 ? curve.label() : curve.label() + ": " + metric;
                XYSeries accuracy = series(curve, metric, name);
                if (accuracy.getItemCount() > 0) {
                    int index = accuracies.getSeriesCount();
                    accuracyRenderer.setSeriesPaint(index, Palette.series(r));
                    accuracyRenderer.setSeriesStroke(index, STYLES[m % STYLES.length]);
                    accuracyRenderer.setSeriesVisibleInLegend(index, m == 0);
                    accuracies.addSeries(accuracy);
                }
            }
        }
        // Loss series repeat the run labels the accuracy panel already shows.
        for (int s = 0; s < losses.getSeriesCount(); s++) {
            lossRenderer.setSeriesVisibleInLegend(s, false);
        }

        NumberAxis steps = new NumberAxis("step");
        steps.setLabelFont(Palette.LABEL);
        steps.setTickLabelFont(Palette.TICK);
        steps.setAutoRangeIncludesZero(true);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(steps);
        combined.setGap(10);
        combined.add(panel(losses, lossAxis(minLoss, maxLoss), lossRenderer), 1);
        NumberAxis accuracy = new NumberAxis(accuracyMetrics.size() == 1 ? accuracyMetrics.get(0) : "accuracy");
        accuracy.setRange(-0.02, 1.02);
        accuracy.setTickUnit(new NumberTickUnit(0.25));
        accuracy.setLabelFont(Palette.LABEL);
        accuracy.setTickLabelFont(Palette.TICK);
        combined.add(panel(accuracies, accuracy, accuracyRenderer), 1);

        JFreeChart chart = new JFreeChart(title, Palette.TITLE, combined, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(Palette.LABEL);
        legend.setFrame(BlockBorder.NONE);
        if (accuracyMetrics.size() > 1) {
            TextTitle styles = new TextTitle(styleKey(), Palette.SUBTITLE);
            chart.addSubtitle(styles);
        }
        return chart;
    }

    /** "solid: accuracy, dashed: accuracy.SUM". */
    private String styleKey() {
        String[] names = {"solid", "dashed", "dotted", "dash-dot"};
        StringBuilder key = new StringBuilder();
        for (int m = 0; m < accuracyMetrics.size(); m++) {
            if (m > 0) {
                key.append(", ");
            }
            key.append(names[m % names.length]).append(": ").append(accuracyMetrics.get(m));
        }
        return key.toString();
    }

    /** A log axis when the loss is positive throughout (cross-entropy is), linear otherwise. */
    private ValueAxis lossAxis(double min, double max) {
        if (min > 0 && Double.isFinite(min) && max / min > 3) {
            LogScaleAxis axis = new LogScaleAxis(lossMetric + " (log scale)", LogScaleAxis::numberLabel);
            axis.setRange(min / 1.3, max * 1.3);
            return axis;
        }
        NumberAxis axis = new NumberAxis(lossMetric);
        axis.setLabelFont(Palette.LABEL);
        axis.setTickLabelFont(Palette.TICK);
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    private static XYSeries series(TrainingCurve curve, String metric, String name) {
        XYSeries series = new XYSeries(name, false, true);
        for (Evaluation evaluation : curve.evaluations()) {
            OptionalDouble value = evaluation.metric(metric);
            if (value.isPresent() && Double.isFinite(value.getAsDouble())) {
                series.add(evaluation.step(), value.getAsDouble());
            }
        }
        return series;
    }

    private static XYLineAndShapeRenderer renderer() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        return renderer;
    }

    private static XYPlot panel(XYSeriesCollection data, ValueAxis range, XYLineAndShapeRenderer renderer) {
        XYPlot plot = new XYPlot(data, null, range, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Palette.GRID);
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setOutlinePaint(Color.GRAY);
        return plot;
    }
}
