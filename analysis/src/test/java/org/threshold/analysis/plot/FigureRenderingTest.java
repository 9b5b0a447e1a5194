package org.threshold.analysis.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.analysis.embedding.EmbeddingPca;
import org.threshold.analysis.embedding.SimilarityMatrix;
import org.threshold.api.curriculum.Evaluation;

class FigureRenderingTest {

    @TempDir
    Path directory;

    @Test
    void barChartOfTransitionPointsRenders() throws Exception {
        Figure bars = new TransitionBarChart("transition points", List.of(SweepExamples.located("SUM", 4.4),
                SweepExamples.located("ALL3", 3.9), SweepExamples.neverLearned("SUM 900")));

        BufferedImage image = written(bars, 640, 420);

        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(420);
        assertThat(Pictures.inkFraction(image)).isGreaterThan(0.05);
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
    }

    @Test
    void embeddingPcaFigureRendersParityColours() throws Exception {
        int n = 10;
        double[][] e = new double[n][];
        for (int k = 0; k < n; k++) {
            e[k] = new double[] {Math.cos(2 * Math.PI * k / n), Math.sin(2 * Math.PI * k / n), k % 2 == 0 ? 0.5 : -0.5};
        }
        Figure pca = new EmbeddingPcaFigure("cyclic", EmbeddingPca.of(SimilarityMatrix.cosine(e)), 3)
                .withNotes(List.of("synthetic"));

        BufferedImage image = written(pca, 1200, 480);

        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(480);
        assertThat(Pictures.pixelsOf(image, Palette.ODD)).isPositive();
        assertThat(Pictures.pixelsOf(image, Palette.EVEN)).isPositive();
    }

    @Test
    void ratioHistogramsRender() throws Exception {
        SplittableRandom random = new SplittableRandom(4);
        double[] a = random.doubles(500).map(u -> u - 0.4).toArray();
        double[] b = random.doubles(400).map(u -> u - 0.5).toArray();
        Figure histograms = new RatioHistogramFigure("ratios", List.of(new GroupSamples("attention", "ALL3", a, "SUM", b),
                new GroupSamples("feed-forward", "ALL3", b, "SUM", a)));

        BufferedImage image = written(histograms, 1000, 420);

        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(420);
        assertThat(Pictures.inkFraction(image)).isGreaterThan(0.05);
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

        BufferedImage image = written(new AttentionHeatMap("attention", tokens, weights), 500, 460);

        assertThat(image.getWidth()).isEqualTo(500);
        assertThat(image.getHeight()).isEqualTo(460);
        assertThat(Pictures.inkFraction(image)).isGreaterThan(0.05);
        assertThatThrownBy(() -> new AttentionHeatMap("bad", tokens, new double[7][6])).hasMessageContaining("row 0 has 6 weights");
    }

    @Test
    void figuresAlsoGivePngBytesForEmbedding() {
        byte[] png = new AttentionHeatMap("tiny", List.of("a", "b"), new double[][] {{1, 0}, {0.5, 0.5}}).png();

        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    private BufferedImage written(Figure figure, int width, int height) throws Exception {
        Path png = directory.resolve("figure.png");
        figure.writePng(png, width, height);
        return Pictures.read(png);
    }
}
