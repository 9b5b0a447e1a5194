package org.threshold.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.threshold.analysis.plot.OperationTableFigure;
import org.threshold.app.fixtures.Cli;
import org.threshold.app.fixtures.PluginJars;
import org.threshold.permutation.group.BlockDiagonalGroup;
import org.threshold.permutation.operators.PermutationFamily;
import org.threshold.permutation.table.OperationTable;

/** {@code threshold tables}: each operator's operation table as CSV and PNG, for the examples a researcher runs. */
class TablesCommandTest {

    private static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    Path dir;

    private static final PermutationFamily PAPER = PermutationFamily.of(BlockDiagonalGroup.symmetric(3, 3));

    /** The size the command writes a table's PNG at: the figure's preferred size. */
    private static Dimension expectedSize(String operator) {
        OperationTable table = OperationTable.of(PAPER.get(operator), PAPER.notation().algebra());
        return new OperationTableFigure(operator, table.values(), table.tokens()).preferredSize();
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
        Dimension size = expectedSize(operator);
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
        for (String operator : PermutationFamily.NAMES) {
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
