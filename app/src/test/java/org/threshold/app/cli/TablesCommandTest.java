package org.threshold.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.threshold.analysis.plot.OperationTableFigure;
import org.threshold.app.fixtures.Cli;
import org.threshold.app.fixtures.PluginJars;

/** {@code threshold tables}: each operator's operation table as CSV and PNG, for the examples a researcher runs. */
class TablesCommandTest {

    private static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    Path dir;

    /** The permutation group's operators, as the task names them. */
    private static final List<String> GROUP_OPERATORS = List.of("OP", "OP_TOP", "OP_BOTTOM");

    /** The table the command wrote as CSV: cells[a][b], element indices. */
    private static int[][] cells(Path csv) throws Exception {
        List<String> rows = Files.readAllLines(csv);
        return rows.subList(1, rows.size()).stream()
                .map(row -> Arrays.stream(row.split(",")).skip(1).mapToInt(Integer::parseInt).toArray())
                .toArray(int[][]::new);
    }

    /** The size the command writes a table's PNG at: the figure's preferred size (it depends on the element count alone). */
    private static Dimension expectedSize(String operator, int[][] cells) {
        List<String> labels = Arrays.stream(cells).map(row -> "x").toList();
        return new OperationTableFigure(operator, cells, labels).preferredSize();
    }

    private static void assertTableFiles(Path out, String operator) throws Exception {
        Path csv = out.resolve(operator + ".csv");
        Path png = out.resolve(operator + ".png");
        assertThat(csv).isNotEmptyFile();
        assertThat(png).isNotEmptyFile();
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).as("a header and one row per element of S3×S3").hasSize(37);
        assertThat(rows.get(0)).startsWith(operator + ",0,1,");
        assertThat(rows).allSatisfy(row -> assertThat(row.split(",")).hasSize(37));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("%s is a PNG", png).isNotNull();
        Dimension size = expectedSize(operator, cells(csv));
        assertThat(image.getWidth()).isEqualTo(size.width);
        assertThat(image.getHeight()).isEqualTo(size.height);
    }

    @ParameterizedTest
    @CsvSource({"permutation-op.yaml, OP", "permutation-all.yaml, OP OP_TOP OP_BOTTOM"})
    void writesTheCsvAndPngOfEveryOperatorOfThePermutationExamples(String example, String operators) throws Exception {
        Path out = dir.resolve("tables");
        Cli.Result result = Cli.run("tables", "-o", out.toString(), EXAMPLES.resolve(example).toString());

        assertThat(result.err()).isEmpty();
        assertThat(result.code()).isZero();
        List<String> names = List.of(operators.split(" "));
        for (String operator : names) {
            assertTableFiles(out, operator);
        }
        assertThat(out.resolve("elements.csv")).isNotEmptyFile();
        assertThat(Files.readAllLines(out.resolve("elements.csv"))).hasSize(37);
        try (var files = Files.list(out)) {
            assertThat(files.count()).as("two files per operator and the element list").isEqualTo(2L * names.size() + 1);
        }
    }

    @Test
    void theSummaryLinesSayWhichTablesAreLatinSquaresAndHowManyValuesEachHolds() {
        Cli.Result result = Cli.run("tables", "-o", dir.toString(), EXAMPLES.resolve("permutation-all.yaml").toString());
        assertThat(result.outLines()).hasSize(4);
        assertThat(result.outLines().get(0)).startsWith("OP ").contains("36 distinct values, a Latin square");
        assertThat(result.outLines().get(1)).startsWith("OP_TOP ").contains("6 distinct values, not a Latin square");
        assertThat(result.outLines().get(2)).startsWith("OP_BOTTOM ").contains("6 distinct values, not a Latin square");
    }

    @Test
    void allWritesEveryOperatorOfTheFamilyEvenThoseTheConfigDoesNotMix() throws Exception {
        Cli.Result result = Cli.run("tables", "--all", "-o", dir.toString(), EXAMPLES.resolve("permutation-op.yaml").toString());
        assertThat(result.code()).isZero();
        for (String operator : GROUP_OPERATORS) {
            assertTableFiles(dir, operator);
        }
    }

    @Test
    void listOpsConfigsHaveTablesToo() throws Exception {
        Cli.Result result = Cli.run("tables", "-o", dir.toString(), EXAMPLES.resolve("listops-max-med-sum.yaml").toString());
        assertThat(result.code()).isZero();
        assertThat(Files.readAllLines(dir.resolve("SUM.csv"))).hasSize(11).element(3).isEqualTo("2,2,3,4,5,6,7,8,9,0,1");
        assertThat(dir.resolve("MAX.png")).isNotEmptyFile();
        assertThat(dir.resolve("elements.csv")).doesNotExist();
    }

    @Test
    void aTaskWithoutOperatorsIsBadInputThatSaysWhichTasksHaveTables() {
        Path plugins = PluginJars.pluginsDirectory(dir.resolve("plugins"), "reverse.jar");
        Path run = PluginJars.runFile(dir, "run.yaml", """
                task: {type: reverse, symbols: 3, min_length: 2, max_length: 3, train_size: 12, test_size: 4}
                model: {type: bigram}
                """);
        Cli.Result result = Cli.run("--plugins", plugins.toString(), "tables", "-o", dir.resolve("t").toString(), run.toString());
        assertThat(result.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.err()).contains("'reverse' has no operation tables").contains("permutation-group and listops");
    }

    @Test
    void aPluginsOwnAlgebraGetsItsTablesThroughTheTaskSpi() throws Exception {
        Path plugins = PluginJars.pluginsDirectory(dir.resolve("plugins"), "modular.jar");
        Path run = PluginJars.runFile(dir, "mod3.yaml", "task: {type: modular, modulus: 3, operators: [ADD]}\n");
        Path out = dir.resolve("tables");

        Cli.Result result = Cli.run("--plugins", plugins.toString(), "tables", "-o", out.toString(), run.toString());

        assertThat(result.err()).isEmpty();
        assertThat(result.code()).isZero();
        assertThat(result.outLines()).singleElement().asString()
                .startsWith("ADD        3×3, 3 distinct values, a Latin square  ").endsWith("ADD.png");
        assertThat(Files.readString(out.resolve("ADD.csv"))).isEqualTo("ADD,0,1,2\r\n0,0,1,2\r\n1,1,2,0\r\n2,2,0,1\r\n");
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("ADD.csv", "ADD.png");
        }

        BufferedImage image = ImageIO.read(out.resolve("ADD.png").toFile());
        int[][] sum = {{0, 1, 2}, {1, 2, 0}, {2, 0, 1}};
        OperationTableFigure figure = new OperationTableFigure("ADD (+) on Z3", sum, List.of("0", "1", "2"));
        assertThat(image.getWidth()).isEqualTo(figure.preferredSize().width);
        assertThat(image.getHeight()).isEqualTo(figure.preferredSize().height);
        // viridis at 0, 1/2 and 1 of the element indices 0..2
        Color[] viridis = {new Color(0x44, 0x01, 0x54), new Color(0x21, 0x91, 0x8C), new Color(0xFD, 0xE7, 0x25)};
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                assertThat(new Color(image.getRGB(cellX(figure, image, b), cellY(figure, image, a))))
                        .as("cell (%d, %d) = %d", a, b, sum[a][b]).isEqualTo(viridis[sum[a][b]]);
            }
        }
    }

    @Test
    void everyOperatorOfAPluginsAlgebraWithAll() throws Exception {
        Path plugins = PluginJars.pluginsDirectory(dir.resolve("plugins"), "modular.jar");
        Path run = PluginJars.runFile(dir, "mod3.yaml", "task: {type: modular, modulus: 3, operators: [ADD]}\n");

        Cli.Result result = Cli.run("--plugins", plugins.toString(), "tables", "--all", "-o", dir.resolve("t").toString(), run.toString());

        assertThat(result.code()).isZero();
        assertThat(result.outLines()).hasSize(2);
        assertThat(Files.readString(dir.resolve("t").resolve("SUB.csv"))).isEqualTo("SUB,0,1,2\r\n0,0,2,1\r\n1,1,0,2\r\n2,2,1,0\r\n");
    }

    /**
     * Where the figure, drawn at the image's size, puts a point a quarter of a cell left of and
     * above the centre of column b (row a): inside the cell, clear of the token written at its centre.
     */
    private static int cellX(OperationTableFigure figure, BufferedImage image, int b) {
        XYPlot plot = figure.chart().getXYPlot();
        return (int) plot.getDomainAxis().valueToJava2D(b - 0.25, dataArea(figure, image), plot.getDomainAxisEdge());
    }

    private static int cellY(OperationTableFigure figure, BufferedImage image, int a) {
        XYPlot plot = figure.chart().getXYPlot();
        return (int) plot.getRangeAxis().valueToJava2D(a - 0.25, dataArea(figure, image), plot.getRangeAxisEdge());
    }

    /** The plot's data area when the chart fills an image of this size, drawn as the figures draw (antialiased). */
    private static Rectangle2D dataArea(OperationTableFigure figure, BufferedImage image) {
        JFreeChart chart = figure.chart();
        BufferedImage scratch = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g, new Rectangle2D.Double(0, 0, image.getWidth(), image.getHeight()), info);
        g.dispose();
        return info.getPlotInfo().getDataArea();
    }

    @Test
    void aGroupTooLargeForItsTokensIsAProblemAtBlocks() {
        Path run = PluginJars.runFile(dir, "big.yaml", "task:\n  type: permutation-group\n  blocks: [7]\n  operators: [OP]\n");
        Cli.Result result = Cli.run("tables", "-o", dir.resolve("t").toString(), run.toString());
        assertThat(result.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.err()).contains("big.yaml:3").contains("task.blocks").contains("5,040 elements (S7)");
        assertThat(dir.resolve("t")).doesNotExist();
    }

    @Test
    void thePluginListingShowsThePermutationTaskWithItsDescription() {
        Cli.Result result = Cli.run("plugins");
        assertThat(result.outLines()).anySatisfy(line -> assertThat(line).startsWith("task").contains("permutation-group")
                .contains("Permutation groups: nested OP/OP_TOP/OP_BOTTOM products of block-diagonal permutation matrices"));
    }
}
