package org.threshold.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigProblem;

class TrainingConfigTest {

    private static List<String> problems(String training) {
        ConfigDocument doc = ConfigDocument.parse("training:\n" + training.indent(2), "run.yaml");
        TrainingConfig.bind(doc.root().section("training"));
        return doc.problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void anEpsOfZeroIsRefusedAtItsKeyBecauseItGivesNaNAtTheSecondStep() {
        assertThat(problems("steps: 10\neps: 0")).containsExactly(
                "run.yaml:3:3: training.eps: expected a number of at least 1.18e-37 (Adam divides by sqrt(v) + eps, and v is 0 for a "
                        + "parameter whose gradient has been 0, so eps 0 gives NaN at step 2; float32 turns a smaller eps into 0), "
                        + "found 0; the default is 1e-8");
    }

    @Test
    void anEpsThatFloat32RoundsToZeroIsRefusedToo() {
        assertThat(problems("eps: 1.0e-40")).hasSize(1).first().asString()
                .startsWith("run.yaml:2:3: training.eps: expected a number of at least 1.18e-37").contains("found 1.00e-40");
        // beta2 closer to 1 shrinks the bias correction, and so raises the floor
        assertThat(problems("betas: [0.9, 0.9999]\neps: 1.0e-36")).hasSize(1).first().asString()
                .contains("at least 1.18e-36");
    }

    @Test
    void ordinaryEpsValuesBind() {
        assertThat(problems("eps: 1.0e-8")).isEmpty();
        assertThat(problems("eps: 1.0e-30")).isEmpty();
        assertThat(problems("eps: 1")).isEmpty();
    }


    private static TrainingConfig bind(String yaml, String defaultLoss) {
        ConfigDocument doc = ConfigDocument.parse(yaml, "run.yaml");
        TrainingConfig config = TrainingConfig.bind(doc.root(), defaultLoss);
        doc.check();
        return config;
    }

    @Test
    void theLossCountsEveryTokenUnlessTheTaskOrTheFileSaysOtherwise() {
        ConfigDocument doc = ConfigDocument.parse("steps: 10", "run.yaml");
        assertThat(TrainingConfig.bind(doc.root()).loss()).isEqualTo("all");
        assertThat(bind("steps: 10", "completion").loss()).isEqualTo("completion");
        assertThat(bind("loss: all", "completion").loss()).as("the file's choice wins").isEqualTo("all");
    }

    @Test
    void theTasksDefaultIsWhatTheResolvedConfigRecords() {
        ConfigDocument doc = ConfigDocument.parse("steps: 10", "run.yaml");
        TrainingConfig.bind(doc.root(), "completion");
        doc.check();
        assertThat(doc.resolvedYaml()).contains("loss: completion");
    }

    @Test
    void aDefaultThatIsNoLossIsAnError() {
        assertThatThrownBy(() -> bind("steps: 10", "answers")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the default loss is one of [all, completion], got 'answers'");
    }
}
