package org.threshold.analysis.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperationTableFigureTest {

    @TempDir
    Path directory;

    private static List<String> tokens(int n) {
        return IntStream.range(0, n).mapToObj(Integer::toString).toList();
    }

    /** Addition mod n: a Latin square. */
    private static int[][] sum(int n) {
        int[][] t = new int[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                t[a][b] = (a + b) % n;
            }
        }
        return t;
    }

    private static Color colourOf(int value, int n) {
        return (Color) ColourScale.viridis(0, n - 1).getPaint(value);
    }

    @Test
    void everyValueOfALatinSquareShowsItsColourAtThePreferredSize() throws Exception {
        OperationTableFigure figure = new OperationTableFigure("SUM mod 6", sum(6), tokens(6));
        Path file = directory.resolve("sum.png");
        figure.writePng(file);

        BufferedImage image = Pictures.read(file);
        Dimension preferred = figure.preferredSize();
        assertThat(image.getWidth()).isEqualTo(preferred.width);
        assertThat(image.getHeight()).isEqualTo(preferred.height);
        for (int v = 0; v < 6; v++) {
            // six cells of each value, each about 40×40 pixels less its token
            assertThat(Pictures.pixelsOf(image, colourOf(v, 6))).as("pixels of value %d", v).isGreaterThan(6 * 500);
        }
        // row a = 2, column b = 3 holds 2 + 3 = 5: a quarter cell off the centre, clear of the token there
        DrawnChart drawn = drawnAlone(figure, image);
        assertThat(Pictures.colourAt(image, Pictures.at(drawn, 3 - 0.25, 2 - 0.25))).isEqualTo(colourOf(5, 6));
        assertThat(Pictures.colourAt(image, Pictures.at(drawn, 0 + 0.25, 4 + 0.25))).isEqualTo(colourOf(4, 6));
    }

    @Test
    void valuesTheTableNeverTakesHaveNoCells() throws Exception {
        int n = 12;
        int[][] twoValues = new int[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                twoValues[a][b] = (a + b) % 2 == 0 ? 0 : 6;
            }
        }
        BufferedImage image = new OperationTableFigure("two values", twoValues, tokens(n)).render(900, 800);

        assertThat(Pictures.pixelsOf(image, colourOf(0, n))).isPositive();
        assertThat(Pictures.pixelsOf(image, colourOf(6, n))).isPositive();
        // the colour bar shows every colour, but in thin strips: far fewer pixels than a cell
        assertThat(Pictures.pixelsOf(image, colourOf(3, n))).isLessThan(400);
    }

    @Test
    void largeTablesRenderWithoutTokensInTheCells() {
        OperationTableFigure figure = new OperationTableFigure("SUM mod 120", sum(120), tokens(120));
        Dimension size = figure.preferredSize();
        BufferedImage image = figure.render(size.width, size.height);
        assertThat(Pictures.inkFraction(image)).isGreaterThan(0.5);
        DrawnChart drawn = drawnAlone(figure, image);
        assertThat(Pictures.colourAt(image, Pictures.at(drawn, 11, 7))).as("7 + 11").isEqualTo(colourOf(18, 120));
        assertThat(Pictures.colourAt(image, Pictures.at(drawn, 119, 119))).as("119 + 119 mod 120").isEqualTo(colourOf(118, 120));
    }

    /** The figure's chart as its render draws it, at the image's size, with where its plot landed. */
    private static DrawnChart drawnAlone(OperationTableFigure figure, BufferedImage image) {
        List<DrawnChart> drawn = new ArrayList<>();
        Panels.single(figure.chart(), image.getWidth(), image.getHeight(), drawn);
        return drawn.get(0);
    }

    @Test
    void aTableThatIsNotSquareOrHoldsNoElementIsRefused() {
        assertThatThrownBy(() -> new OperationTableFigure("t", new int[2][3], tokens(2))).hasMessageContaining("row 0 has 3 values");
        assertThatThrownBy(() -> new OperationTableFigure("t", new int[][] {{0, 2}, {1, 0}}, tokens(2)))
                .hasMessageContaining("[0][1] = 2");
        assertThatThrownBy(() -> new OperationTableFigure("t", new int[3][3], tokens(2))).hasMessageContaining("one row per element");
    }
}
