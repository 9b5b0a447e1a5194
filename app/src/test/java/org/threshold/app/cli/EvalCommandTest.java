package org.threshold.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.app.fixtures.Cli;
import org.threshold.app.fixtures.PluginJars;
import org.threshold.runs.Json;

/** {@code threshold eval}: a trained run scored on one test set, AdderBoard's as verify.py reports it. */
class EvalCommandTest {

    @TempDir
    static Path dir;

    private static Path run;

    /** A 10-digit run far too short to learn: AdderBoard's verdict is NOT QUALIFIED, and every number is checkable. */
    @BeforeAll
    static void train() {
        Path file = PluginJars.runFile(dir, "add10.yaml", """
                name: add10
                task: {type: addition, eval_size: 20}
                model: {type: gpt, d: 8, layers: 1}
                training: {steps: 20, eval_every: 20, warmup: 5}
                runtime: {output: %s, threads: 1}
                """.formatted(dir.resolve("runs")));
        Cli.Result result = Cli.run("run", file.toString());
        assertThat(result.code()).as(result.err()).isZero();
        String line = result.outLines().stream().filter(l -> l.startsWith("run directory: ")).findFirst().orElseThrow();
        run = Path.of(line.substring("run directory: ".length()));
    }

    private static double resultMetric(String name) throws IOException {
        return Json.parse(Files.readString(run.resolve("result.json"))).getAsJsonObject("metrics").get(name).getAsDouble();
    }

    @Test
    void theAdderBoardSetIsReportedAsVerifyPyDoesWithItsCasesAsCsv() throws IOException {
        Path csv = dir.resolve("predictions.csv");
        Cli.Result result = Cli.run("eval", run.toString(), "--set", "adderboard", "--predictions", csv.toString(), "--failures", "2");
        assertThat(result.code()).as(result.err()).isZero();
        List<String> out = result.outLines();
        assertThat(out.get(0)).startsWith("run " + run.getFileName() + ", checkpoint of step 20: 10-digit addition");
        assertThat(out.get(1)).isEqualTo("set adderboard: 10,010 prompts");
        assertThat(out.get(2)).startsWith("  accuracy.adderboard ").contains("digit_accuracy.adderboard ");
        assertThat(out.get(3)).matches("AdderBoard: passed [0-9,]+/10,010, accuracy \\d+\\.\\d\\d%: NOT QUALIFIED \\(at least 99\\.00%\\)");
        assertThat(out.get(4)).isEqualTo("first 2 failures:");
        assertThat(out.get(5)).startsWith("  a=0 b=0: expected 0, got ");
        assertThat(out.get(7)).isEqualTo("predictions: " + csv);
        // the same checkpoint as the run's last evaluation, so the same score
        assertThat(out.get(2)).contains(String.format(java.util.Locale.ROOT, "accuracy.adderboard %.4f",
                resultMetric("accuracy.adderboard")));

        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(10_011);
        assertThat(rows.get(0)).isEqualTo("a,b,expected,predicted,correct");
        assertThat(rows.get(1)).startsWith("0,0,0,").endsWith(",false");
        assertThat(rows.get(11)).startsWith("2395527356,9334186774,11729714130,");
    }

    @Test
    void theHeadlineSetIsTheDefaultAndItsCsvHoldsThePromptsText() throws IOException {
        Path csv = dir.resolve("test.csv");
        Cli.Result result = Cli.run("eval", run.toString(), "--predictions", csv.toString(), "--failures", "0");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.outLines().get(1)).isEqualTo("set test: 20 prompts");
        assertThat(result.outLines().get(2)).startsWith("  accuracy ");
        assertThat(result.outLines().get(3)).matches("passed \\d+/20, accuracy \\d+\\.\\d\\d%");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(21);
        assertThat(rows.get(0)).isEqualTo("prompt,expected,predicted,correct");
        assertThat(rows.get(1)).matches("\\d{10}\\+\\d{10}=,\\d{11}e,[^,]*,(true|false)");
    }

    @Test
    void anUnknownSetIsBadInputNamingTheSets() {
        Cli.Result result = Cli.run("eval", run.toString(), "--set", "adderbord");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).startsWith("threshold: --set adderbord: the task has no test set of that name; its sets are "
                + "test, adderboard (did you mean 'adderboard'?)");
    }

    @Test
    void aTargetThatIsNoRunDirectoryIsBadInput() {
        Cli.Result result = Cli.run("eval", dir.resolve("nothing").toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("is not a run directory");
    }
}
