package org.threshold.analysis.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.analysis.embedding.EmbeddingPca;
import org.threshold.analysis.embedding.SimilarityMatrix;

/** The probes' pictures render to non-empty PNGs of the size asked. */
class ProbeFiguresTest {

    @TempDir
    Path dir;

    private static EmbeddingPca cyclic(int n, double phase) {
        double[][] rows = new double[n][];
        for (int k = 0; k < n; k++) {
            double a = 2 * Math.PI * k / n + phase;
            rows[k] = new double[] {Math.cos(a), Math.sin(a), 0.3};
        }
        return EmbeddingPca.of(SimilarityMatrix.cosine(rows));
    }

    private static BufferedImage written(Figure figure, Path file) throws IOException {
        figure.writePng(file);
        BufferedImage image = Pictures.read(file);
        Dimension size = figure.preferredSize();
        assertThat(image.getWidth()).isEqualTo(size.width);
        assertThat(image.getHeight()).isEqualTo(size.height);
        assertThat(Pictures.inkFraction(image)).as("something is drawn").isGreaterThan(0.01);
        return image;
    }

    @Test
    void componentsOverStepsHaveAColumnPerStepAndARowPerComponent() throws IOException {
        ComponentsOverStepsFigure figure = new ComponentsOverStepsFigure("SUM", List.of(1000L, 2000L, 3000L),
                List.of(cyclic(10, 0), cyclic(10, 0.2), cyclic(10, 0.4)), 3);
        assertThat(figure.preferredSize()).isEqualTo(new Dimension(3 * 260, 3 * 150 + 40));
        written(figure, dir.resolve("steps.png"));
    }

    @Test
    void anAttentionGridHasAHeatMapPerLayerAndHead() throws IOException {
        List<String> tokens = List.of("s", "(", "+", "1", "2", ")", "=");
        double[][][][] weights = new double[2][3][7][7];
        for (double[][][] layer : weights) {
            for (double[][] head : layer) {
                for (int q = 0; q < 7; q++) {
                    for (int k = 0; k <= q; k++) {
                        head[q][k] = 1.0 / (q + 1);
                    }
                }
            }
        }
        AttentionGridFigure figure = new AttentionGridFigure("attention", tokens, weights);
        Dimension cell = new AttentionHeatMap("", tokens, weights[0][0]).preferredSize();
        assertThat(figure.preferredSize()).isEqualTo(new Dimension(3 * cell.width, 2 * cell.height + 36));
        written(figure, dir.resolve("attention.png"));
    }

    @Test
    void stackedFiguresShareTheHeightByTheirPreferredHeights() throws IOException {
        EmbeddingPcaFigure mixed = new EmbeddingPcaFigure("mixed", cyclic(12, 0), 4);
        EmbeddingPcaFigure sum = new EmbeddingPcaFigure("SUM", cyclic(12, 1), 4).withNotes(List.of("best 3 runs"));
        StackedFigure stacked = new StackedFigure(List.of(mixed, sum));
        assertThat(stacked.preferredSize()).isEqualTo(new Dimension(mixed.preferredSize().width, 2 * mixed.preferredSize().height));
        written(stacked, dir.resolve("stacked.png"));
    }
}
