package org.threshold.analysis.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.analysis.embedding.EmbeddingPca;
import org.threshold.analysis.embedding.SimilarityMatrix;

/** The probes' pictures render to PNGs of the size asked, with each data point where its axes put it. */
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
        BufferedImage image = written(figure, dir.resolve("steps.png"));
        List<DrawnChart> drawn = new ArrayList<>();
        figure.render(image.getWidth(), image.getHeight(), drawn);
        assertThat(drawn).hasSize(9);
        // row PC2, column step 2000: element 1 is an odd dot, element 4 an even one, at their PC2 values
        double[] pc2 = cyclic(10, 0.2).component(2);
        assertThat(Pictures.colourNear(image, Pictures.at(drawn.get(3 + 1), 1, pc2[1]), 1, Palette.ODD)).isTrue();
        assertThat(Pictures.colourNear(image, Pictures.at(drawn.get(3 + 1), 4, pc2[4]), 1, Palette.EVEN)).isTrue();
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
        weights[1][2][4][0] = 0.8;
        weights[1][2][4][1] = 0;
        weights[1][2][4][2] = 0;
        weights[1][2][4][3] = 0;
        weights[1][2][4][4] = 0.2;
        AttentionGridFigure figure = new AttentionGridFigure("attention", tokens, weights);
        Dimension cell = new AttentionHeatMap("", tokens, weights[0][0]).preferredSize();
        assertThat(figure.preferredSize()).isEqualTo(new Dimension(3 * cell.width, 2 * cell.height + 36));
        BufferedImage image = written(figure, dir.resolve("attention.png"));
        List<DrawnChart> drawn = new ArrayList<>();
        figure.render(image.getWidth(), image.getHeight(), drawn);
        // layer 2, head 3 (the sixth heat map): query 4 attends 0.8 to key 0 and nothing to key 2; layer 1, head 1 a fifth
        ColourScale blues = ColourScale.blues(0, 1);
        assertThat(Pictures.colourAt(image, Pictures.at(drawn.get(5), 0, 4))).isEqualTo(blues.getPaint(0.8));
        assertThat(Pictures.colourAt(image, Pictures.at(drawn.get(5), 2, 4))).isEqualTo(blues.getPaint(0));
        assertThat(Pictures.colourAt(image, Pictures.at(drawn.get(0), 2, 4))).isEqualTo(blues.getPaint(0.2));
    }

    @Test
    void stackedFiguresShareTheHeightByTheirPreferredHeights() throws IOException {
        EmbeddingPcaFigure mixed = new EmbeddingPcaFigure("mixed", cyclic(12, 0), 4);
        EmbeddingPcaFigure sum = new EmbeddingPcaFigure("SUM", cyclic(12, 1), 4).withNotes(List.of("best 3 runs"));
        StackedFigure stacked = new StackedFigure(List.of(mixed, sum));
        assertThat(stacked.preferredSize()).isEqualTo(new Dimension(mixed.preferredSize().width, 2 * mixed.preferredSize().height));
        BufferedImage image = written(stacked, dir.resolve("stacked.png"));
        // equal preferred heights: each row gets half the picture, pixel for pixel the row drawn alone at that size
        int width = image.getWidth();
        int half = image.getHeight() / 2;
        BufferedImage top = mixed.render(width, half);
        BufferedImage bottom = sum.render(width, image.getHeight() - half);
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < width; x += 5) {
                int expected = y < half ? top.getRGB(x, y) : bottom.getRGB(x, y - half);
                assertThat(image.getRGB(x, y)).as("pixel (%d, %d)", x, y).isEqualTo(expected);
            }
        }
    }

    @Test
    void componentReuseStacksThePatchedAnswersInTheDonorsColourWhereTheyMoveToTheDonor() throws IOException {
        ComponentReuseFigure.Layer moved = new ComponentReuseFigure.Layer("layer 1", 0.9, 0.05, 0.1, 0.2, 1.0, 0.0, 0.0);
        ComponentReuseFigure.Layer kept = new ComponentReuseFigure.Layer("layer 1", 0.9, 0.05, 0.1, 0.2, 0.0, 1.0, 0.0);
        BufferedImage toDonor = written(new ComponentReuseFigure("reuse", 0.1, List.of(moved)), dir.resolve("moved.png"));
        BufferedImage toOriginal = written(new ComponentReuseFigure("reuse", 0.1, List.of(kept)), dir.resolve("kept.png"));
        assertThat(Pictures.pixelsOf(toDonor, Palette.ABOVE)).as("a full bar of donor answers")
                .isGreaterThan(20 * Math.max(1, Pictures.pixelsOf(toOriginal, Palette.ABOVE)));
        assertThat(Pictures.pixelsOf(toOriginal, Palette.BELOW)).isGreaterThan(20 * Math.max(1, Pictures.pixelsOf(toDonor, Palette.BELOW)));
        assertThat(new ComponentReuseFigure("reuse", 0.1, List.of(moved, kept)).preferredSize().width)
                .isGreaterThan(new ComponentReuseFigure("reuse", 0.1, List.of(moved)).preferredSize().width);
    }
}
