package org.threshold.runs.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.runs.DamagedFileException;

/** Checkpoints as found on disk: newest first, each with what is wrong with its files. */
class CheckpointLayoutTest {

    @TempDir
    Path checkpoints;

    private Path checkpoint(long step, boolean ended, byte[] model) throws IOException {
        Path dir = Files.createDirectories(checkpoints.resolve(CheckpointLayout.name(step)));
        Files.write(dir.resolve(CheckpointLayout.MODEL_PART), model);
        Files.write(dir.resolve(CheckpointLayout.OPTIMIZER_PART), new byte[] {1, 2, 3});
        Files.writeString(dir.resolve(CheckpointLayout.STATE), "{\"step\": " + step + (ended ? ", \"ended\": \"steps\"" : "")
                + ", \"parts\": {\"model.params\": " + seal(dir.resolve(CheckpointLayout.MODEL_PART)) + ", \"optimizer.params\": "
                + seal(dir.resolve(CheckpointLayout.OPTIMIZER_PART)) + "}}\n");
        return dir;
    }

    private static String seal(Path file) throws IOException {
        return "{\"bytes\": " + Files.size(file) + ", \"crc32\": \"" + CheckpointLayout.crc32(file) + "\"}";
    }

    @Test
    void readableCheckpointsComeNewestFirstAndTheFinalOneSaysItEnded() throws IOException {
        checkpoint(20, false, new byte[] {9, 9});
        checkpoint(40, true, new byte[] {8, 8});
        List<CheckpointLayout.Inspection> found = new CheckpointLayout(checkpoints).inspect();
        assertThat(found).extracting(CheckpointLayout.Inspection::step).containsExactly(40L, 20L);
        assertThat(found).allMatch(CheckpointLayout.Inspection::readable);
        assertThat(found).extracting(CheckpointLayout.Inspection::ended).containsExactly(true, false);
    }

    @Test
    void aPartCutShortIsFoundByItsRecordedLength() throws IOException {
        Path dir = checkpoint(40, true, new byte[1000]);
        Files.write(dir.resolve(CheckpointLayout.MODEL_PART), new byte[600]);
        DamagedFileException damage = new CheckpointLayout(checkpoints).inspect().get(0).damage().orElseThrow();
        assertThat(damage).hasMessage(dir.resolve("model.params") + " is damaged: it is cut short: 600 of its 1000 bytes are there");
    }

    @Test
    void aPartWithOtherBytesIsFoundByItsCrc() throws IOException {
        Path dir = checkpoint(40, true, new byte[] {1, 2, 3, 4});
        Files.write(dir.resolve(CheckpointLayout.MODEL_PART), new byte[] {1, 2, 3, 5});
        assertThat(new CheckpointLayout(checkpoints).inspect().get(0).damage().orElseThrow().getMessage())
                .startsWith(dir.resolve("model.params") + " is damaged: its bytes are not those written (CRC-32 ");
    }

    @Test
    void aStateThatIsNotJsonMakesItsCheckpointDamaged() throws IOException {
        Path dir = checkpoint(40, true, new byte[] {1});
        Files.writeString(dir.resolve(CheckpointLayout.STATE), "{\"step\": 4");
        assertThat(new CheckpointLayout(checkpoints).inspect().get(0).damage().orElseThrow())
                .hasMessage(dir.resolve("state.json") + " is damaged: it ends in the middle of its JSON (cut short)");
    }

    @Test
    void anOlderCheckpointWithoutSealsIsCheckedForItsPartsOnly() throws IOException {
        Path dir = Files.createDirectories(checkpoints.resolve(CheckpointLayout.name(20)));
        Files.writeString(dir.resolve(CheckpointLayout.STATE), "{\"step\": 20}");
        Files.write(dir.resolve(CheckpointLayout.MODEL_PART), new byte[] {1});
        assertThat(new CheckpointLayout(checkpoints).inspect().get(0).damage().orElseThrow())
                .hasMessage(dir.resolve("optimizer.params") + " is damaged: it is missing");
        Files.write(dir.resolve(CheckpointLayout.OPTIMIZER_PART), new byte[] {1});
        assertThat(new CheckpointLayout(checkpoints).inspect().get(0).readable()).isTrue();
    }
}
