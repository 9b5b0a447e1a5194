package org.threshold.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
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

/** {@code threshold export} and {@code model.weights} (SPEC 5b): a run's weights out as safetensors and into another run. */
class ExportCommandTest {

    @TempDir
    static Path dir;

    private static Path run;

    private static Path train(String name, String model, String training) {
        Path file = PluginJars.runFile(dir, name + ".yaml", """
                name: %s
                task: {type: addition, eval_size: 20}
                model: %s
                training: %s
                runtime: {output: %s, threads: 1}
                """.formatted(name, model, training, dir.resolve("runs")));
        Cli.Result result = Cli.run("run", file.toString());
        assertThat(result.code()).as(result.err()).isZero();
        String line = result.outLines().stream().filter(l -> l.startsWith("run directory: ")).findFirst().orElseThrow();
        return Path.of(line.substring("run directory: ".length()));
    }

    @BeforeAll
    static void trainOne() {
        run = train("trained", "{type: gpt, d: 8, layers: 1}", "{steps: 20, eval_every: 20, warmup: 5}");
    }

    @Test
    void theResultHasTheUniqueCountBesideTheCountAndForTheGptTheyAgree() throws IOException {
        JsonObject result = Json.parse(Files.readString(run.resolve("result.json")));
        assertThat(result.get("unique_parameters").getAsLong()).isEqualTo(result.get("parameters").getAsLong()).isPositive();
    }

    @Test
    void theNewestCheckpointIsWrittenBesideTheRunByDefault() {
        Cli.Result result = Cli.run("export", run.toString());
        assertThat(result.code()).as(result.err()).isZero();
        // wte, wpe; ln_1, c_attn, attn.c_proj, ln_2, c_fc, mlp.c_proj with biases; ln_f weight and bias; lm_head
        assertThat(result.outLines()).containsExactly(run.resolve("model.safetensors") + ": 17 tensors, the weights of run "
                + run.getFileName() + " at step 20");
        assertThat(run.resolve("model.safetensors")).isRegularFile();
    }

    /** lr 0: the second run's one step leaves the weights it started from as they were. */
    @Test
    void aRunStartedFromExportedWeightsPredictsExactlyAsTheRunItCameFrom() throws IOException {
        Path weights = dir.resolve("exported.safetensors");
        Cli.Result export = Cli.run("export", run.toString(), "--out", weights.toString());
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.outLines().get(0)).startsWith(weights + ": 17 tensors");
        Path started = train("started", "{type: gpt, d: 8, layers: 1, weights: exported.safetensors}",
                "{steps: 1, eval_every: 1, lr: 0, min_lr: 0, warmup: 0}");
        assertThat(started.getFileName()).isNotEqualTo(run.getFileName());
        assertThat(Files.readString(started.resolve("config.yaml"))).contains("weights: " + weights.toAbsolutePath());

        Path before = dir.resolve("before.csv");
        Path after = dir.resolve("after.csv");
        assertThat(Cli.run("eval", run.toString(), "--predictions", before.toString()).code()).isZero();
        assertThat(Cli.run("eval", started.toString(), "--predictions", after.toString()).code()).isZero();
        List<String> rows = Files.readAllLines(after);
        assertThat(rows).hasSize(21).isEqualTo(Files.readAllLines(before));
        // predictions of a barely trained model may agree by chance; its weights may not
        Path again = dir.resolve("again.safetensors");
        assertThat(Cli.run("export", started.toString(), "--out", again.toString()).code()).isZero();
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(weights));
    }

    @Test
    void theWeightsFilesContentIsPartOfTheIdentityItsPlaceIsNot() throws IOException {
        Path a = dir.resolve("a.safetensors");
        assertThat(Cli.run("export", run.toString(), "--out", a.toString()).code()).isZero();
        Files.createDirectories(dir.resolve("copy"));
        Files.copy(a, dir.resolve("copy/b.safetensors"));
        String withA = identity("with-a", "a.safetensors");
        assertThat(identity("with-b", "copy/b.safetensors")).isEqualTo(withA);
        assertThat(identity("without", "")).isNotEqualTo(withA);
        byte[] bytes = Files.readAllBytes(a);
        bytes[bytes.length - 1] ^= 1; // the last float's lowest mantissa bit
        Files.write(dir.resolve("copy/b.safetensors"), bytes);
        assertThat(identity("with-b-changed", "copy/b.safetensors")).isNotEqualTo(withA);
    }

    private static String identity(String name, String weights) {
        Path file = PluginJars.runFile(dir, name + ".yaml", """
                task: {type: addition, eval_size: 20}
                model: {type: gpt, d: 8, layers: 1%s}
                training: {steps: 20}
                runtime: {output: %s}
                """.formatted(weights.isEmpty() ? "" : ", weights: " + weights, dir.resolve("runs")));
        Cli.Result result = Cli.run("validate", file.toString());
        assertThat(result.code()).as(result.err()).isZero();
        String line = result.outLines().stream().filter(l -> l.startsWith("  run ")).findFirst().orElseThrow();
        return line.replaceAll(".*identity (\\w+).*", "$1");
    }

    @Test
    void aMissingWeightsFileIsAConfigErrorAtTheKey() {
        Path file = PluginJars.runFile(dir, "missing.yaml", """
                task: {type: addition, eval_size: 20}
                model:
                  type: gpt
                  weights: nowhere.safetensors
                runtime: {output: %s}
                """.formatted(dir.resolve("runs")));
        Cli.Result result = Cli.run("validate", file.toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains(file + ":4:12: model.weights: expected an existing file, found none at "
                + dir.resolve("nowhere.safetensors"));
    }

    @Test
    void anOutputInADirectoryThatDoesNotExistIsBadInput() {
        Path out = dir.resolve("missing/model.safetensors");
        Cli.Result result = Cli.run("export", run.toString(), "--out", out.toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--out " + out + ": there is no directory " + dir.resolve("missing") + " to write it in");
    }

    @Test
    void aTargetThatIsNoRunDirectoryIsBadInput() {
        Cli.Result result = Cli.run("export", dir.resolve("nothing").toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("is not a run directory");
    }
}
