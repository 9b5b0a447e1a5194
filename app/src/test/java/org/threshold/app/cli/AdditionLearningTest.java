package org.threshold.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.app.fixtures.Cli;
import org.threshold.app.fixtures.PluginJars;
import org.threshold.runs.Json;

/**
 * The addition task through {@code threshold run}: a real GPT learns 3-digit addition, and a
 * 10-digit run scores AdderBoard's 10,010 cases once, at its end.
 */
class AdditionLearningTest {

    @TempDir
    Path dir;

    private static Path runDirectory(Cli.Result result) {
        String line = result.outLines().stream().filter(l -> l.startsWith("run directory: ")).findFirst().orElseThrow();
        return Path.of(line.substring("run directory: ".length()));
    }

    private static JsonObject result(Path run) throws IOException {
        return Json.parse(Files.readString(run.resolve("result.json")));
    }

    @Test
    void aTinyGptLearnsThreeDigitAdditionFromAMixtureOfLengths() throws IOException {
        Path file = PluginJars.runFile(dir, "add3.yaml", """
                name: add3
                task: {type: addition, digits: 3, eval_size: 300}
                model: {type: gpt, d: 32, layers: 2, heads: 2}
                training: {steps: 1500, eval_every: 500, lr: 3.0e-3, warmup: 100, early_stopping: {enabled: false}}
                curriculum: {type: constant, weights: {len1: 1, len2: 1, len3: 2}}
                runtime: {output: %s, threads: 1, checkpoint_every: 1500}
                """.formatted(dir.resolve("runs")));
        Cli.Result run = Cli.run("run", file.toString());
        assertThat(run.code()).as(run.err()).isZero();
        Path directory = runDirectory(run);
        JsonObject result = result(directory);
        assertThat(result.get("metric").getAsString()).isEqualTo("accuracy");
        assertThat(result.get("test_accuracy").getAsDouble()).as("exact match on 300 held-out sums").isGreaterThanOrEqualTo(0.95);
        assertThat(result.getAsJsonObject("metrics").get("digit_accuracy").getAsDouble()).isGreaterThanOrEqualTo(0.98);
        // the first evaluation is far from it: the model learned, it was not given the answers
        JsonObject first = Json.parse(Files.readAllLines(directory.resolve("metrics.jsonl")).get(0));
        assertThat(first.get("train_loss").getAsDouble()).isGreaterThan(10 * result.get("train_loss").getAsDouble());
        assertThat(Files.readString(directory.resolve("config.yaml"))).as("the task's completion-only loss")
                .contains("loss: completion");
    }

    @Test
    void aTenDigitRunScoresAdderBoardAtItsLastEvaluationOnlyAndReportsItInTheResult() throws IOException {
        Path file = PluginJars.runFile(dir, "add10.yaml", """
                name: add10
                task: {type: addition, eval_size: 20}
                model: {type: gpt, d: 8, layers: 1}
                training: {steps: 20, eval_every: 10, warmup: 5}
                runtime: {output: %s, threads: 1}
                """.formatted(dir.resolve("runs")));
        Cli.Result run = Cli.run("run", file.toString());
        assertThat(run.code()).as(run.err()).isZero();
        Path directory = runDirectory(run);
        List<String> lines = Files.readAllLines(directory.resolve("metrics.jsonl"));
        assertThat(lines).hasSize(2);
        JsonObject middle = Json.parse(lines.get(0)).getAsJsonObject("metrics");
        JsonObject last = Json.parse(lines.get(1)).getAsJsonObject("metrics");
        assertThat(middle.keySet()).containsExactly("accuracy", "digit_accuracy");
        assertThat(last.keySet()).containsExactly("accuracy", "digit_accuracy", "accuracy.adderboard", "digit_accuracy.adderboard");
        assertThat(result(directory).getAsJsonObject("metrics").get("accuracy.adderboard").getAsDouble())
                .isEqualTo(last.get("accuracy.adderboard").getAsDouble());
        assertThat(run.out()).contains("accuracy.adderboard");
    }
}
