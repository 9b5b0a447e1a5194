package org.threshold.runs.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.api.curriculum.Stage;
import org.threshold.runs.Json;

class MetricsLogTest {

    @TempDir
    Path output;

    private static EvaluationRecord at(long step) {
        return new EvaluationRecord(step, Map.of("accuracy", step / 1000.0, "accuracy.SUM", 0.1 + 1e-17 * step), 1.0 / step,
                1e-3, new Stage(0, "main", true), Map.of("SUM", 1.0), new Timing(step * 0.01, 0.2, 123.4));
    }

    @Test
    void evaluationsReadBackExactlyAsAppended() {
        RunDirectory run = RunDirectory.under(output, "r");
        run.create();
        MetricsLog log = run.metrics();
        log.append(at(250));
        log.append(at(500));
        assertThat(log.read()).containsExactly(at(250), at(500));
    }

    @Test
    void everyLineKeepsTimingsInTheTimeFieldApartFromTheScience() throws IOException {
        RunDirectory run = RunDirectory.under(output, "r");
        run.create();
        run.metrics().append(at(250));
        var json = Json.parse(Files.readAllLines(run.metrics().file()).get(0));
        assertThat(json.keySet()).containsExactly("step", "metrics", "train_loss", "lr", "stage", "weights", "time");
        assertThat(json.getAsJsonObject("time").keySet()).containsExactly("elapsed_s", "eval_s", "steps_per_s");
    }

    @Test
    void anEvaluationAfterWhichTheCurriculumMovedOnSaysToWhichStage() throws IOException {
        RunDirectory run = RunDirectory.under(output, "r");
        run.create();
        EvaluationRecord fired = at(500).withNextStage(new Stage(1, "hand-over", false));
        run.metrics().append(at(250));
        run.metrics().append(fired);
        assertThat(run.metrics().read()).containsExactly(at(250), fired);
        var json = Json.parse(Files.readAllLines(run.metrics().file()).get(1));
        assertThat(json.keySet()).containsExactly("step", "metrics", "train_loss", "lr", "stage", "next_stage", "weights", "time");
        assertThat(json.getAsJsonObject("next_stage").get("name").getAsString()).isEqualTo("hand-over");
    }

    @Test
    void keepingUpToACheckpointDropsLaterEvaluationsAndAHalfWrittenLine() throws IOException {
        RunDirectory run = RunDirectory.under(output, "r");
        run.create();
        MetricsLog log = run.metrics();
        log.append(at(250));
        log.append(at(500));
        log.append(at(750));
        Files.writeString(log.file(), "{\"step\":1000,\"metr", StandardOpenOption.APPEND);
        log.keepUpTo(500, run);
        assertThat(log.read()).containsExactly(at(250), at(500));
        assertThat(Files.readString(log.file())).endsWith("\n");
    }
}
