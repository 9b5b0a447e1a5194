package org.threshold.runs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.runs.Json;
import org.threshold.runs.run.StopReason;

class RunDirectoryTest {

    @TempDir
    Path output;

    private RunResult result(OptionalDouble accuracy) {
        return new RunResult(StopReason.EARLY_STOPPING, "stopped early at step 6500", "accuracy.SUM", accuracy, 28_864,
                6_500, 20_000, OptionalDouble.of(0.125), Map.of("accuracy", 0.99, "accuracy.SUM", 0.97),
                Map.of("chance", 0.1), "quickstart", "a1b2c3", "ListOps mod 10", "gpt standard d=32", 45.5);
    }

    @Test
    void aRunDirectoryIsNamedByItsIdentityUnderTheOutput() {
        assertThat(RunDirectory.under(output, "ab12cd").path()).isEqualTo(output.resolve("ab12cd"));
        assertThatThrownBy(() -> RunDirectory.under(output, "../x")).hasMessageContaining("cannot name a run directory");
    }

    @Test
    void resultJsonHasTheHeadlineFiguresAtTopLevelAndReadsBack() throws IOException {
        RunDirectory run = RunDirectory.under(output, "a1b2c3");
        run.create();
        assertThat(run.readResult()).isEmpty();
        run.writeResult(result(OptionalDouble.of(0.97)));
        JsonObject json = Json.parse(Files.readString(run.result()));
        assertThat(json.get("test_accuracy").getAsDouble()).isEqualTo(0.97);
        assertThat(json.get("metric").getAsString()).isEqualTo("accuracy.SUM");
        assertThat(json.get("parameters").getAsLong()).isEqualTo(28_864);
        assertThat(json.get("status").getAsString()).isEqualTo("finished");
        assertThat(json.get("stop_reason").getAsString()).isEqualTo("early_stopping");
        assertThat(json.getAsJsonObject("time").get("wall_s").getAsDouble()).isEqualTo(45.5);
        assertThat(run.readResult()).contains(result(OptionalDouble.of(0.97)));
    }

    @Test
    void uniqueParametersStandBesideParametersAndAnOlderResultWithoutThemReadsAsParameters() throws IOException {
        RunDirectory run = RunDirectory.under(output, "unique");
        run.create();
        RunResult r = result(OptionalDouble.of(0.9));
        RunResult tied = new RunResult(r.stopReason(), r.message(), r.metric(), r.testAccuracy(), 28_864, r.steps(),
                r.plannedSteps(), r.trainLoss(), r.metrics(), r.figures(), r.name(), r.identity(), r.task(), r.model(),
                r.wallSeconds(), Optional.empty(), Map.of(), 28_000);
        run.writeResult(tied);
        JsonObject json = Json.parse(Files.readString(run.result()));
        assertThat(json.get("parameters").getAsLong()).isEqualTo(28_864);
        assertThat(json.get("unique_parameters").getAsLong()).isEqualTo(28_000);
        assertThat(run.readResult()).contains(tied);

        json.remove("unique_parameters"); // as a run written before the field existed
        Files.writeString(run.result(), json.toString());
        assertThat(run.readResult().orElseThrow().uniqueParameters()).isEqualTo(28_864);
    }

    @Test
    void phasesReachedAreStepsInResultJsonAndThoseNeverReachedAreAbsentFromThemAndListed() throws IOException {
        RunDirectory run = RunDirectory.under(output, "phases");
        run.create();
        RunResult plain = result(OptionalDouble.of(0.97));
        Map<String, OptionalLong> phases = new LinkedHashMap<>();
        phases.put("phase.direct", OptionalLong.of(250));
        phases.put("phase.chain", OptionalLong.empty());
        phases.put("phase.routed", OptionalLong.of(1_500));
        RunResult withPhases = new RunResult(plain.stopReason(), plain.message(), plain.metric(), plain.testAccuracy(),
                plain.parameters(), plain.steps(), plain.plannedSteps(), plain.trainLoss(), plain.metrics(), plain.figures(),
                plain.name(), plain.identity(), plain.task(), plain.model(), plain.wallSeconds(), Optional.empty(), phases);
        run.writeResult(withPhases);
        JsonObject json = Json.parse(Files.readString(run.result()));
        assertThat(json.getAsJsonObject("phases").toString()).isEqualTo("{\"phase.direct\":250,\"phase.routed\":1500}");
        assertThat(json.getAsJsonArray("phases_unreached").toString()).isEqualTo("[\"phase.chain\"]");
        RunResult read = run.readResult().orElseThrow();
        assertThat(read).isEqualTo(withPhases);
        assertThat(read.phasesReached()).containsExactly(Map.entry("phase.direct", 250L), Map.entry("phase.routed", 1_500L));
        assertThat(read.phasesUnreached()).containsExactly("phase.chain");

        run.writeResult(plain);
        JsonObject without = Json.parse(Files.readString(run.result()));
        assertThat(without.has("phases")).as("a task that names no phases writes none").isFalse();
        assertThat(without.has("phases_unreached")).isFalse();
        assertThat(run.readResult().orElseThrow().phases()).isEmpty();
    }

    @Test
    void aRunThatNeverEvaluatedHasNoTestAccuracy() throws IOException {
        RunDirectory run = RunDirectory.under(output, "x");
        run.create();
        run.writeResult(result(OptionalDouble.empty()));
        assertThat(Json.parse(Files.readString(run.result())).has("test_accuracy")).isFalse();
        assertThat(run.readResult().orElseThrow().testAccuracy()).isEmpty();
    }

    @Test
    void atomicWritesReplaceTheFileAndLeaveNoTemporaryFiles() throws IOException {
        RunDirectory run = RunDirectory.under(output, "x");
        run.create();
        run.writeAtomically(run.command(), "threshold run config.yaml\n");
        run.writeAtomically(run.command(), "threshold run other.yaml\n");
        assertThat(Files.readString(run.command())).isEqualTo("threshold run other.yaml\n");
        try (Stream<Path> files = Files.list(run.path())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("command");
        }
    }

    @Test
    void provenanceRecordsResumedSessionsAndReadsBack() {
        RunDirectory run = RunDirectory.under(output, "x");
        run.create();
        Provenance p = new Provenance("0.1.0", "17.0.15 (Debian)", "0.35.1", "PyTorch 2.7.1", "Linux 6.1 amd64", "cpu()", 2,
                Optional.of("abc123-dirty"), "2025-01-01T10:00:00Z", Optional.empty(), List.of())
                .withResumption(new Provenance.Resumption("2025-01-01T10:05:00Z", 1000))
                .withFinished("2025-01-01T10:09:00Z");
        run.writeProvenance(p);
        assertThat(run.readProvenance()).contains(p);
    }
}
