package org.threshold.analysis.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.analysis.distribution.DistributionComparison;
import org.threshold.analysis.distribution.SharedBins;
import org.threshold.analysis.embedding.EmbeddingPca;
import org.threshold.analysis.embedding.SimilarityMatrix;
import org.threshold.analysis.transition.TransitionEstimate;
import org.threshold.analysis.transition.TransitionPoint;
import org.threshold.api.curriculum.Evaluation;

class FigureRenderingTest {

    @TempDir
    Path directory;

    @Test
    void barChartOfTransitionPointsRenders() throws Exception {
        TransitionPoint all3 = SweepExamples.located("ALL3", 3.9);
        TransitionBarChart bars = new TransitionBarChart("transition points", List.of(SweepExamples.located("SUM", 4.4),
                all3, SweepExamples.neverLearned("SUM 900")));

        BufferedImage image = written(bars, 640, 420);

        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(420);
        assertThat(Pictures.inkFraction(image)).isGreaterThan(0.05);
        // ALL3's transition is the earliest, so its bar comes first, in the first series colour: half-way up
        // (on the log axis, from the axis' foot to the transition) and beside the interval line at its middle
        DrawnChart drawn = drawnAlone(bars.chart(), 640, 420);
        double top = ((TransitionEstimate.Located) all3.estimate()).parameters();
        double foot = drawn.chart().getCategoryPlot().getRangeAxis().getLowerBound();
        assertThat(Pictures.colourAt(image, Pictures.atCategory(drawn, 0, 0.02, Math.sqrt(foot * top))))
                .isEqualTo(Palette.series(0));
    }

    @Test
    void trainingCurvesRender() throws Exception {
        List<Evaluation> history = new ArrayList<>();
        for (long step = 0; step <= 2000; step += 250) {
            double accuracy = 1 / (1 + Math.exp(-(step - 1000) / 200.0));
            history.add(new Evaluation(step, Map.of("loss", 2.5 * Math.exp(-step / 600.0) + 0.05,
                    "accuracy", accuracy, "accuracy.SUM", accuracy * 0.8)));
        }
        Figure curves = new TrainingCurvesFigure("training", List.of(new TrainingCurve("SUM d=32", history)),
                "loss", List.of("accuracy", "accuracy.SUM"));

        BufferedImage image = written(curves, 800, 600);

        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(600);
        assertThat(Pictures.inkFraction(image)).isGreaterThan(0.02);
        // the run's solid accuracy line passes 0.5 at step 1000 (lower panel), its loss line 2.5·e^(-5/6) + 0.05 at step 500
        DrawnChart drawn = drawnAlone(((TrainingCurvesFigure) curves).chart(), 800, 600);
        assertThat(Pictures.colourNear(image, Pictures.at(drawn, 1, 1000, 0.5), 1, Palette.series(0))).isTrue();
        assertThat(Pictures.colourNear(image, Pictures.at(drawn, 0, 500, 2.5 * Math.exp(-500 / 600.0) + 0.05), 1,
                Palette.series(0))).isTrue();
        assertThat(Pictures.colourNear(image, Pictures.at(drawn, 1, 1000, 0.9), 3, Palette.series(0))).as("nothing where no line is")
                .isFalse();
    }

    @Test
    void embeddingPcaFigureRendersParityColours() throws Exception {
        int n = 10;
        double[][] e = new double[n][];
        for (int k = 0; k < n; k++) {
            e[k] = new double[] {Math.cos(2 * Math.PI * k / n), Math.sin(2 * Math.PI * k / n), k % 2 == 0 ? 0.5 : -0.5};
        }
        EmbeddingPca components = EmbeddingPca.of(SimilarityMatrix.cosine(e));
        EmbeddingPcaFigure pca = new EmbeddingPcaFigure("cyclic", components, 3).withNotes(List.of("synthetic"));

        BufferedImage image = written(pca, 1200, 480);

        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(480);
        assertThat(Pictures.pixelsOf(image, Palette.ODD)).isPositive();
        assertThat(Pictures.pixelsOf(image, Palette.EVEN)).isPositive();
        List<DrawnChart> drawn = new ArrayList<>();
        pca.render(1200, 480, drawn);
        // the heat map's cell (0, 5) in the cosine's colour; elements 0 and 5 sit opposite on the circle
        double cosine = components.matrix().get(0, 5);
        assertThat(cosine).isNegative();
        assertThat(Pictures.colourAt(image, Pictures.at(drawn.get(0), 5, 0)))
                .isEqualTo(ColourScale.blueWhiteRed(-1, 1).getPaint(cosine));
        // in the PC plane, element 1 is an odd dot and element 2 an even one, at their components
        double[] pc1 = components.component(1);
        double[] pc2 = components.component(2);
        assertThat(Pictures.colourNear(image, Pictures.at(drawn.get(2), pc1[1], pc2[1]), 1, Palette.ODD)).isTrue();
        assertThat(Pictures.colourNear(image, Pictures.at(drawn.get(2), pc1[2], pc2[2]), 1, Palette.EVEN)).isTrue();
    }

    @Test
    void ratioHistogramsRender() throws Exception {
        SplittableRandom random = new SplittableRandom(4);
        double[] a = random.doubles(500).map(u -> u - 0.4).toArray();
        double[] b = random.doubles(400).map(u -> u - 0.5).toArray();
        RatioHistogramFigure histograms = new RatioHistogramFigure("ratios", List.of(new GroupSamples("attention", "ALL3", a, "SUM", b),
                new GroupSamples("feed-forward", "ALL3", b, "SUM", a)));

        BufferedImage image = written(histograms, 1000, 420);

        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(420);
        assertThat(Pictures.inkFraction(image)).isGreaterThan(0.05);
        // the black line of density differences passes through every bin centre at a's density minus b's
        List<DrawnChart> drawn = new ArrayList<>();
        histograms.render(1000, 420, drawn);
        SharedBins bins = DistributionComparison.compare(a, b).bins();
        for (int i : new int[] {bins.count() / 4, bins.count() / 2}) {
            double difference = bins.densities(a)[i] - bins.densities(b)[i];
            assertThat(Pictures.colourNear(image, Pictures.at(drawn.get(0), bins.center(i), difference), 1, Color.BLACK))
                    .as("bin %d", i).isTrue();
        }
    }

    @Test
    void attentionHeatMapRendersAndRejectsRaggedWeights() throws Exception {
        List<String> tokens = List.of("s", "(", "%", "1", "2", ")", "=");
        double[][] weights = new double[7][7];
        for (int q = 0; q < 7; q++) {
            for (int k = 0; k <= q; k++) {
                weights[q][k] = 1.0 / (q + 1);
            }
        }

        AttentionHeatMap heatMap = new AttentionHeatMap("attention", tokens, weights);
        BufferedImage image = written(heatMap, 500, 460);

        assertThat(image.getWidth()).isEqualTo(500);
        assertThat(image.getHeight()).isEqualTo(460);
        assertThat(Pictures.inkFraction(image)).isGreaterThan(0.05);
        // query 3 ("1") attends a quarter to key 1 ("("), and query 1 nothing to the later key 5
        DrawnChart drawn = drawnAlone(heatMap.chart(), 500, 460);
        assertThat(Pictures.colourAt(image, Pictures.at(drawn, 1, 3))).isEqualTo(ColourScale.blues(0, 1).getPaint(0.25));
        assertThat(Pictures.colourAt(image, Pictures.at(drawn, 5, 1))).isEqualTo(Color.WHITE);
        assertThatThrownBy(() -> new AttentionHeatMap("bad", tokens, new double[7][6])).hasMessageContaining("row 0 has 6 weights");
    }

    @Test
    void figuresAlsoGivePngBytesForEmbedding() {
        byte[] png = new AttentionHeatMap("tiny", List.of("a", "b"), new double[][] {{1, 0}, {0.5, 0.5}}).png();

        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    /** A single-chart figure's chart as its render draws it (Panels.single), with where its plot landed. */
    private static DrawnChart drawnAlone(org.jfree.chart.JFreeChart chart, int width, int height) {
        List<DrawnChart> drawn = new ArrayList<>();
        Panels.single(chart, width, height, drawn);
        return drawn.get(0);
    }

    private BufferedImage written(Figure figure, int width, int height) throws Exception {
        Path png = directory.resolve("figure.png");
        figure.writePng(png, width, height);
        return Pictures.read(png);
    }
}
