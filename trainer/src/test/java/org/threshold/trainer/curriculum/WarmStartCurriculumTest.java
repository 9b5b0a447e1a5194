package org.threshold.trainer.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.api.config.ConfigException;
import org.threshold.api.curriculum.Curriculum;
import org.threshold.api.curriculum.Evaluation;
import org.threshold.trainer.checkpoint.Checkpoints;

class WarmStartCurriculumTest {

    @TempDir
    Path dir;

    private static String quoted(Path p) {
        return "'" + p.toString().replace("'", "''") + "'";
    }

    @Test
    void withoutAStepTheSourceRunsNewestCheckpointIsUsedAndRecorded() throws IOException {
        Path source = SourceRuns.withCheckpoints(dir.resolve("source"), 1000, 3000, 2000);
        Curriculum c = Curricula.of("curriculum: {type: warm-start, from: " + quoted(source) + "}");
        Path newest = new Checkpoints(source.resolve("checkpoints"), 9).directory(3000);
        assertThat(c.startFrom()).contains(newest);

        assertThat(Curricula.resolved("curriculum: {type: warm-start, from: " + quoted(source) + "}"))
                .as("the run names the exact checkpoint it began from").contains("step: 3000");
    }

    @Test
    void aStepPicksThatCheckpoint() throws IOException {
        Path source = SourceRuns.withCheckpoints(dir.resolve("source"), 1000, 2000);
        Curriculum c = Curricula.of("curriculum: {type: warm-start, from: " + quoted(source) + ", step: 1000}");
        assertThat(c.startFrom()).contains(source.resolve("checkpoints").resolve("step-000001000"));
    }

    @Test
    void theNestedCurriculumGivesTheMixtureAndTheStages() throws IOException {
        Path source = SourceRuns.withCheckpoints(dir.resolve("source"), 10);
        Curriculum c = Curricula.of("curriculum:\n  type: warm-start\n  from: " + quoted(source) + "\n"
                + "  curriculum:\n    type: staged\n    stages:\n"
                + "      - {curriculum: {weights: [MAX]}, until: {step: 20}}\n"
                + "      - curriculum: {weights: [SUM]}\n");
        assertThat(c.weights(1)).containsExactly(Map.entry("MAX", 1.0));
        c.observe(new Evaluation(20, Map.of("accuracy", 0.0)));
        assertThat(c.weights(21)).containsExactly(Map.entry("SUM", 1.0));
        assertThat(c.state()).containsEntry("stage", "1").containsEntry("entered", "20");
    }

    @Test
    void withoutANestedCurriculumTheTasksOwnMixtureIsUsed() throws IOException {
        Path source = SourceRuns.withCheckpoints(dir.resolve("source"), 10);
        Curriculum c = Curricula.of("curriculum: {type: warm-start, from: " + quoted(source) + "}");
        assertThat(c.weights(5)).containsExactly(Map.entry("MAX", 1.0), Map.entry("MED", 1.0), Map.entry("SUM", 1.0));
    }

    @Test
    void aDirectoryWithoutCheckpointIsRefusedAtFrom() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("never-trained"));
        assertThatThrownBy(() -> Curricula.of("curriculum: {type: warm-start, from: " + quoted(empty) + "}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("curriculum.from: expected a run directory with a checkpoint, found '" + empty
                        + "', which has none");
        assertThatThrownBy(() -> Curricula.of("curriculum: {type: warm-start, from: " + quoted(dir.resolve("nowhere")) + "}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("which does not exist");
        assertThatThrownBy(() -> Curricula.of("curriculum: {type: warm-start}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("curriculum.from: expected the run directory to start from");
    }

    @Test
    void aStepWithoutCheckpointNamesTheStepsThereAre() throws IOException {
        Path source = SourceRuns.withCheckpoints(dir.resolve("source"), 1000, 2000);
        assertThatThrownBy(() -> Curricula.of("curriculum: {type: warm-start, from: " + quoted(source) + ", step: 1500}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("curriculum.step: expected a step with a checkpoint in " + source + " (1000, 2000),"
                        + " found 1500");
    }
}
