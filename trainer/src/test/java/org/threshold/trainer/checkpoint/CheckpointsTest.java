package org.threshold.trainer.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.runs.run.StopReason;
import org.threshold.trainer.sampling.SamplerState;
import org.threshold.trainer.stopping.StoppingState;

class CheckpointsTest {

    @TempDir
    Path dir;

    private static TrainingState state(long step) {
        return new TrainingState(step, new SamplerState(Map.of("MAX", 64 * step, "SUM", 3L)), Map.of("stage", "1"),
                0.1 + 0.2, 17, new StoppingState(Double.NaN, 0), Optional.empty(), 12.5);
    }

    private static Map<String, CheckpointPart> model(float value) {
        return Map.of("model.params", out -> {
            out.writeInt(2);
            out.writeFloat(value);
            out.writeFloat(-value);
        });
    }

    @Test
    void theLatestCheckpointReadsBackItsStateAndParts() throws IOException {
        Checkpoints checkpoints = new Checkpoints(dir, 2);
        checkpoints.save(state(1000), model(1.5f));
        SavedCheckpoint latest = checkpoints.latest().orElseThrow();
        assertThat(latest.state()).isEqualTo(state(1000));
        assertThat(latest.state().lossSum()).isEqualTo(0.1 + 0.2); // bit for bit: the loss mean must resume exactly
        try (DataInputStream in = latest.open("model.params")) {
            assertThat(in.readInt()).isEqualTo(2);
            assertThat(in.readFloat()).isEqualTo(1.5f);
            assertThat(in.readFloat()).isEqualTo(-1.5f);
        }
    }

    @Test
    void onlyTheNewestCheckpointsAreKept() throws IOException {
        Checkpoints checkpoints = new Checkpoints(dir, 2);
        for (long step = 1000; step <= 4000; step += 1000) {
            checkpoints.save(state(step), model(step));
        }
        assertThat(checkpoints.steps()).containsExactly(3000L, 4000L);
        assertThat(checkpoints.latest().orElseThrow().step()).isEqualTo(4000);
    }

    @Test
    void checkpointsOfChosenStepsStayBesidesTheNewest() throws IOException {
        Checkpoints checkpoints = new Checkpoints(dir, 2, java.util.Set.of(1000L, 2000L));
        for (long step = 1000; step <= 5000; step += 1000) {
            checkpoints.save(state(step), model(step));
        }
        assertThat(checkpoints.steps()).containsExactly(1000L, 2000L, 4000L, 5000L);
    }

    @Test
    void aCheckpointLeftHalfWrittenByAKilledRunIsIgnored() throws IOException {
        Checkpoints checkpoints = new Checkpoints(dir, 2);
        checkpoints.save(state(1000), model(1f));
        Path partial = dir.resolve(".step-000002000.partial");
        Files.createDirectories(partial);
        Files.writeString(partial.resolve("model.params"), "half");
        assertThat(checkpoints.latest().orElseThrow().step()).isEqualTo(1000);
        checkpoints.save(state(2000), model(2f)); // saving the same step again replaces the leftover
        assertThat(checkpoints.steps()).containsExactly(1000L, 2000L);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("step-000001000", "step-000002000");
        }
    }

    @Test
    void savingAStepAgainReplacesItsCheckpoint() throws IOException {
        Checkpoints checkpoints = new Checkpoints(dir, 2);
        checkpoints.save(state(1000), model(1f));
        TrainingState ended = new TrainingState(1000, state(1000).sampler(), Map.of(), 0, 0, new StoppingState(0.5, 3),
                Optional.of(StopReason.EARLY_STOPPING), 20);
        checkpoints.save(ended, model(3f));
        assertThat(checkpoints.steps()).containsExactly(1000L);
        assertThat(checkpoints.latest().orElseThrow().state().ended()).contains(StopReason.EARLY_STOPPING);
    }

    @Test
    void aRunWithoutCheckpointsHasNone() throws IOException {
        assertThat(new Checkpoints(dir.resolve("absent"), 2).latest()).isEmpty();
    }

    @Test
    void aSaveThatFailsNamesTheFileAndLeavesNoPartialCheckpoint() throws IOException {
        Checkpoints checkpoints = new Checkpoints(dir, 2);
        checkpoints.save(state(1000), model(1f));
        Map<String, CheckpointPart> failing = Map.of("model.params", out -> {
            out.writeInt(1);
            throw new IOException("No space left on device");
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> checkpoints.save(state(2000), failing))
                .isInstanceOf(java.nio.file.FileSystemException.class)
                .hasMessage(dir.resolve(".step-000002000.partial").resolve("model.params") + ": No space left on device");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("step-000001000");
        }
        assertThat(checkpoints.latest().orElseThrow().step()).isEqualTo(1000);
    }

    @Test
    void stateJsonSealsEveryPartWithItsLengthAndCrc() throws IOException {
        Checkpoints checkpoints = new Checkpoints(dir, 2);
        SavedCheckpoint saved = checkpoints.save(state(1000), model(1.5f));
        var parts = org.threshold.runs.Json.parse(Files.readString(saved.directory().resolve("state.json"))).getAsJsonObject("parts");
        Path model = saved.directory().resolve("model.params");
        assertThat(parts.getAsJsonObject("model.params").get("bytes").getAsLong()).isEqualTo(Files.size(model));
        assertThat(parts.getAsJsonObject("model.params").get("crc32").getAsString())
                .isEqualTo(org.threshold.runs.run.CheckpointLayout.crc32(model));
    }
}
