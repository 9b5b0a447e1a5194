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
    void aTargetIsBoundFromStopAtAndWrittenIntoTheResolvedConfig() {
        ConfigDocument doc = ConfigDocument.parse("steps: 10\nstop_at: {metric: accuracy.SUM, value: 0.95}\n", "run.yaml");
        TrainingConfig config = TrainingConfig.bind(doc.root());
        doc.check();
        assertThat(config.stopAt()).contains(new TrainingConfig.StopAt("accuracy.SUM", 0.95));
        assertThat(doc.resolvedYaml()).contains("stop_at:\n  metric: accuracy.SUM\n  value: 0.95\n");
    }

    @Test
    void withoutStopAtThereIsNoTargetAndTheResolvedConfigIsAsBeforeTheKeyExisted() {
        for (String yaml : List.of("steps: 10\n", "steps: 10\nstop_at: ~\n")) {
            ConfigDocument doc = ConfigDocument.parse(yaml, "run.yaml");
            assertThat(TrainingConfig.bind(doc.root()).stopAt()).as(yaml).isEmpty();
            doc.check();
            assertThat(doc.resolvedYaml()).as(yaml).doesNotContain("stop_at").endsWith("""
                    early_stopping:
                      enabled: true
                      after: 2000
                      min_delta: 2.5E-4
                      patience: 10
                    """);
        }
    }

    @Test
    void aTargetWithoutItsMetricOrValueIsAProblemAtTheKey() {
        assertThat(problems("stop_at: {value: 0.95}")).containsExactly(
                "run.yaml:2:12: training.stop_at.metric: expected the name of a metric that every evaluation reports (metrics.jsonl),"
                        + " e.g. accuracy or accuracy.SUM, found none");
        assertThat(problems("stop_at: {metric: accuracy}")).containsExactly(
                "run.yaml:2:12: training.stop_at.value: expected the value the metric must reach, a number from 0 to 1, found none");
        assertThat(problems("stop_at: {}")).hasSize(2);
        assertThat(problems("stop_at: {metric: ~, value: ~}")).containsExactly(
                "run.yaml:2:21: training.stop_at.metric: expected text, found nothing (null)",
                "run.yaml:2:31: training.stop_at.value: expected a number from 0 to 1, found nothing (null)");
        assertThat(problems("stop_at: {metric: '', value: 0.9}")).containsExactly(
                "run.yaml:2:13: training.stop_at.metric: expected the name of a metric that every evaluation reports, found ''");
    }

    @Test
    void aTargetValueOutsideZeroToOneIsAProblemAtTheValue() {
        assertThat(problems("stop_at: {metric: accuracy, value: 1.5}")).containsExactly(
                "run.yaml:2:38: training.stop_at.value: expected a number from 0 to 1, found '1.5'");
        assertThat(problems("stop_at: {metric: accuracy, value: -0.1}")).containsExactly(
                "run.yaml:2:38: training.stop_at.value: expected a number from 0 to 1, found '-0.1'");
        assertThat(problems("stop_at: {metric: accuracy, value: high}")).containsExactly(
                "run.yaml:2:38: training.stop_at.value: expected a number from 0 to 1, found 'high'");
        assertThat(problems("stop_at: {metric: accuracy, value: 0}")).isEmpty();
        assertThat(problems("stop_at: {metric: accuracy, value: 1}")).isEmpty();
    }

    @Test
    void aTargetThatIsNotAMappingIsAProblem() {
        assertThat(problems("stop_at: 0.95")).containsExactly("run.yaml:2:12: training.stop_at: expected a mapping, found '0.95'");
    }

    @Test
    void anUnknownKeyOfTheTargetIsNamedWithDidYouMean() {
        ConfigDocument doc = ConfigDocument.parse("training:\n  stop_at: {metric: accuracy, valeu: 0.9}\n", "run.yaml");
        TrainingConfig.bind(doc.root().section("training"));
        assertThatThrownBy(doc::check).hasMessageContaining(
                "run.yaml:2:31: training.stop_at.valeu: expected one of the keys metric, value, found 'valeu' (did you mean 'value'?)");
    }

    @Test
    void aDefaultThatIsNoLossIsAnError() {
        assertThatThrownBy(() -> bind("steps: 10", "answers")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the default loss is one of [all, completion], got 'answers'");
    }
}
