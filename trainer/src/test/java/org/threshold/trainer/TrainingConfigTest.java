package org.threshold.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.threshold.api.config.ConfigDocument;

class TrainingConfigTest {

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
