package org.threshold.runs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.api.curriculum.Stage;
import org.threshold.runs.DamagedFileException;

/** A run's files that are there but cannot be read are named, with what is wrong, instead of a parser's NullPointerException. */
class DamagedRunFilesTest {

    @TempDir
    Path output;

    private RunDirectory finishedRun() {
        RunDirectory run = RunDirectory.under(output, "a1b2c3");
        run.create();
        run.writeResult(new RunResult(StopReason.STEPS, "trained all 40 planned steps", "accuracy", OptionalDouble.of(0.5), 1234,
                40, 40, OptionalDouble.of(0.7), Map.of("accuracy", 0.5), Map.of(), "tiny", "a1b2c3", "t", "m", 2.5));
        return run;
    }

    private static String damage(RunDirectory run) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(DamagedFileException.class, run::readResult).getMessage();
    }

    @Test
    void anEmptyResultIsNamedAsEmpty() throws IOException {
        RunDirectory run = finishedRun();
        Files.writeString(run.result(), "");
        assertThat(damage(run)).isEqualTo(run.result() + " is damaged: it is empty");
    }

    @Test
    void aResultCutShortSaysSo() throws IOException {
        RunDirectory run = finishedRun();
        String whole = Files.readString(run.result());
        Files.writeString(run.result(), whole.substring(0, whole.length() / 2));
        assertThat(damage(run)).isEqualTo(run.result() + " is damaged: it ends in the middle of its JSON (cut short)");
    }

    @Test
    void aResultOfZeroBytesIsWhatAStoppedMachineLeaves() throws IOException {
        RunDirectory run = finishedRun();
        Files.write(run.result(), new byte[300]);
        assertThat(damage(run)).isEqualTo(run.result() + " is damaged: it holds only zero bytes");
    }

    @Test
    void aResultThatIsNotJsonOrNotAnObjectSaysWhatItHolds() throws IOException {
        RunDirectory run = finishedRun();
        Files.writeString(run.result(), "[1, 2]\n");
        assertThat(damage(run)).isEqualTo(run.result() + " is damaged: it is not a JSON object (found [1,2])");
        Files.writeString(run.result(), "{\"a\": 1} {\"b\": 2}\n");
        assertThat(damage(run)).isEqualTo(run.result() + " is damaged: it is not JSON: more follows its first value");
    }

    @Test
    void aResultWithoutAFieldNamesTheField() throws IOException {
        RunDirectory run = finishedRun();
        String whole = Files.readString(run.result());
        Files.writeString(run.result(), whole.replace("\"wall_s\"", "\"wall\""));
        assertThat(damage(run)).isEqualTo(run.result() + " is damaged: it has no field 'time.wall_s'");
        Files.writeString(run.result(), whole.replace("\"steps\": 40", "\"steps\": \"forty\""));
        assertThat(damage(run)).isEqualTo(run.result() + " is damaged: its field 'steps' is not a whole number (found \"forty\")");
        Files.writeString(run.result(), whole.replace("\"stop_reason\": \"steps\"", "\"stop_reason\": \"tired\""));
        assertThat(damage(run)).isEqualTo(run.result() + " is damaged: its field 'stop_reason' is not a stop reason (unknown stop "
                + "reason 'tired')");
    }

    @Test
    void theDamagedFileIsNamedByTheExceptionForWhoeverRebuildsIt() throws IOException {
        RunDirectory run = finishedRun();
        Files.writeString(run.result(), "{");
        DamagedFileException e = org.assertj.core.api.Assertions.catchThrowableOfType(DamagedFileException.class, run::readResult);
        assertThat(e.file()).isEqualTo(run.result());
        assertThat(e.problem()).isEqualTo("it ends in the middle of its JSON (cut short)");
    }

    @Test
    void aDamagedFileIsSetAsideBesideItsPlaceNotDeleted() throws IOException {
        RunDirectory run = finishedRun();
        Files.writeString(run.result(), "{\"schema\"");
        Path kept = run.setAside(run.result());
        assertThat(kept).isEqualTo(run.path().resolve("result.json.damaged")).hasContent("{\"schema\"");
        assertThat(run.result()).doesNotExist();
        assertThat(run.readResult()).isEmpty();
        Files.writeString(run.result(), "");
        assertThat(run.setAside(run.result())).isEqualTo(run.path().resolve("result.json.damaged-2"));
    }

    @Test
    void aDamagedProvenanceIsNamedLikeAResult() throws IOException {
        RunDirectory run = finishedRun();
        run.writeProvenance(new Provenance("0.1.0", "17", "0.35.1", "PyTorch 2.7.1", "Linux", "cpu()", 1, Optional.empty(),
                "2025-01-01T00:00:00Z", Optional.empty(), List.of()));
        Files.writeString(run.provenance(), Files.readString(run.provenance()).replace("\"threads\"", "\"thread\""));
        assertThatThrownBy(run::readProvenance).isInstanceOf(DamagedFileException.class)
                .hasMessage(run.provenance() + " is damaged: it has no field 'threads'");
    }

    @Test
    void aDamagedLineOfMetricsIsNamedByItsNumber() throws IOException {
        RunDirectory run = finishedRun();
        MetricsLog log = run.metrics();
        log.append(new EvaluationRecord(20, Map.of("accuracy", 0.5), 0.7, 1e-3, new Stage(0, "main", true), Map.of("MAX", 1.0),
                new Timing(1, 0.1, 20)));
        Files.writeString(log.file(), "{\"step\":40,\"metrics\":{}}\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(log::read).isInstanceOf(DamagedFileException.class)
                .hasMessage(log.file() + " is damaged: line 2 is not an evaluation record: has no field 'train_loss'");
        Files.writeString(log.file(), "{\"step\":20,\"metr\n{\"step\":40}\n");
        assertThatThrownBy(log::read).isInstanceOf(DamagedFileException.class)
                .hasMessageStartingWith(log.file() + " is damaged: line 1 is not JSON: {\"step\":20,\"metr");
    }
}
