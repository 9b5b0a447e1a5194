package org.threshold.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.app.fixtures.Cli;

/** The built-in addition task through the command: listed by a plain 'threshold plugins', and its AdderBoard set sampled whole. */
class AdditionCommandsTest {

    @TempDir
    Path dir;

    private Path runFile(String task) throws IOException {
        Path file = dir.resolve("addition.yaml");
        Files.writeString(file, "task: " + task + "\nmodel: {type: gpt, d: 8, layers: 1}\n");
        return file;
    }

    @Test
    void aPlainPluginsListsAdditionAsATask() {
        Cli.Result result = Cli.run("plugins");
        assertThat(result.code()).isZero();
        assertThat(result.outLines()).anySatisfy(line -> assertThat(line).matches("task\\s+addition\\s+.*"));
    }

    @Test
    void theExampleValidates() {
        Cli.Result result = Cli.run("validate", Path.of("..", "examples", "addition.yaml").toString());
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("gpt standard d=64 layers=2 heads=2: 104,064 parameters")
                .contains("AdderBoard's 10,010 cases at the end");
    }

    @Test
    void sampleSetAdderboardPrintsAllTenThousandAndTenCasesInVerifyPysOrder() throws IOException {
        Cli.Result result = Cli.run("sample", "-n", "10010", "--set", "adderboard", runFile("{type: addition}").toString());
        assertThat(result.err()).isEmpty();
        assertThat(result.code()).isZero();
        List<String> lines = result.outLines();
        assertThat(lines).hasSize(10_010);
        assertThat(lines.subList(0, 3)).containsExactly(
                "0000000000+0000000000=\t00000000000e",
                "0000000000+1000000000=\t10000000000e",
                "9999999999+0000000000=\t99999999990e");
        // python3: random.Random(2025) draws 2395527356, then 9334186774; written least significant digit first
        assertThat(lines.get(10)).isEqualTo("6537255932+4776814339=\t03141792711e");
        assertThat(lines).allSatisfy(line -> {
            String a = new StringBuilder(line.substring(0, 10)).reverse().toString();
            String b = new StringBuilder(line.substring(11, 21)).reverse().toString();
            String sum = new StringBuilder(line.substring(23, 34)).reverse().toString();
            assertThat(Long.parseLong(a) + Long.parseLong(b)).isEqualTo(Long.parseLong(sum));
        });
    }

    @Test
    void sampleShowsEachLengthComponentInTurnThenTheHeadlinePrompts() throws IOException {
        Cli.Result result = Cli.run("sample", "-n", "3", runFile("{type: addition, order: msb}").toString());
        assertThat(result.code()).isZero();
        List<String> lines = result.outLines();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).matches("0{9}\\d\\+0{9}\\d=0{9}\\d\\de"); // len1
        assertThat(lines.get(1)).matches("0{8}\\d\\d\\+0{8}\\d\\d=0{8}\\d{3}e"); // len2
        assertThat(lines.subList(3, 6)).allSatisfy(line -> assertThat(line).matches("\\d{10}\\+\\d{10}=\\t\\d{11}e"));
    }
}
