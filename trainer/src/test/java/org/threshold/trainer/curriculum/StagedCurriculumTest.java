package org.threshold.trainer.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.api.config.ConfigException;
import org.threshold.api.curriculum.Curriculum;
import org.threshold.api.curriculum.Evaluation;
import org.threshold.api.curriculum.Stage;

class StagedCurriculumTest {

    /** The paper's section 3.1: MAX+MED until both are proficient (or step 5,000), then ADD over 1,000 steps. */
    private static final String PAPER = """
            curriculum:
              type: staged
              stages:
                - curriculum: {type: constant, weights: [MAX, MED]}
                  until: {accuracy: [MAX, MED], step: 5000}
                - curriculum: {type: linear, from: [MAX, MED], to: [SUM], span: 1000}
            """;

    private static Evaluation evaluation(long step, double max, double med) {
        return new Evaluation(step, Map.of("accuracy", 0.1, "accuracy.MAX", max, "accuracy.MED", med, "accuracy.SUM", 0.1,
                "loss", 1.0));
    }

    /** The steps of one evaluation period, as the trainer asks for them: weights of every step, then the evaluation. */
    private static void train(Curriculum c, long fromStep, long toStep, double max, double med) {
        for (long s = fromStep; s <= toStep; s++) {
            c.weights(s);
        }
        c.observe(evaluation(toStep, max, med));
    }

    @Test
    void theConditionFiresAtTheFirstEvaluationWhereEveryNamedAccuracyReachesTheDefault095() {
        Curriculum c = Curricula.of(PAPER);
        train(c, 1, 250, 0.96, 0.50);
        assertThat(c.stage().index()).as("MED is not proficient yet").isZero();
        train(c, 251, 500, 0.99, 0.9499);
        assertThat(c.stage().index()).as("0.9499 < 0.95").isZero();
        assertThat(c.weights(501)).containsExactly(Map.entry("MAX", 1.0), Map.entry("MED", 1.0));
        train(c, 501, 750, 0.95, 0.95);
        assertThat(c.stage()).isEqualTo(new Stage(1, "from", false));
        assertThat(((StagedCurriculum) c).entered()).isEqualTo(750);
    }

    @Test
    void theStepConditionEndsAStageThatNeverBecomesProficient() {
        Curriculum c = Curricula.of(PAPER);
        for (long s = 250; s < 5000; s += 250) {
            train(c, s - 249, s, 0.5, 0.5);
            assertThat(c.stage().index()).as("after the evaluation of step %d", s).isZero();
        }
        train(c, 4751, 5000, 0.5, 0.5);
        assertThat(c.stage().index()).isEqualTo(1);
    }

    @Test
    void aNestedHandOverCountsItsStepsFromTheStartOfItsStage() {
        Curriculum c = Curricula.of(PAPER);
        train(c, 1, 250, 0.5, 0.5);
        train(c, 251, 500, 1.0, 1.0); // stage 1 begins after step 500
        assertThat(c.weights(500 + 1).get("SUM")).isCloseTo(1 / 1000.0, within(1e-12));
        assertThat(c.stage()).isEqualTo(new Stage(1, "hand-over", false));
        assertThat(c.weights(500 + 250)).containsEntry("SUM", 0.25).containsEntry("MAX", 0.375);
        assertThat(c.weights(500 + 1000)).containsExactly(Map.entry("MAX", 0.0), Map.entry("MED", 0.0), Map.entry("SUM", 1.0));
        assertThat(c.stage()).as("early stopping applies from here on").isEqualTo(new Stage(1, "to", true));
    }

    @Test
    void onlyTheLastStageOfTheLastCurriculumIsLast() {
        Curriculum c = Curricula.of(PAPER);
        c.weights(1);
        assertThat(c.stage().last()).isFalse();
        train(c, 1, 250, 1.0, 1.0);
        c.weights(251);
        assertThat(c.stage().last()).as("the hand-over has begun, not ended").isFalse();
    }

    @Test
    void aStageNameReplacesTheNestedCurriculumsName() {
        Curriculum c = Curricula.of("""
                curriculum:
                  type: staged
                  stages:
                    - {name: proficiency, curriculum: {weights: [MAX, MED]}, until: {step: 10}}
                    - curriculum: {weights: [SUM]}
                """);
        c.weights(1);
        assertThat(c.stage()).isEqualTo(new Stage(0, "proficiency", false));
        c.observe(evaluation(10, 0, 0));
        c.weights(11);
        assertThat(c.stage()).as("the constant mixture's own name").isEqualTo(new Stage(1, "SUM", true));
    }

    @Test
    void oneStageEndsPerEvaluation() {
        Curriculum c = Curricula.of("""
                curriculum:
                  type: staged
                  stages:
                    - {curriculum: {weights: [MAX]}, until: {step: 10}}
                    - {curriculum: {weights: [MED]}, until: {step: 10}}
                    - curriculum: {weights: [SUM]}
                """);
        c.observe(evaluation(20, 0, 0));
        assertThat(c.stage().index()).isEqualTo(1);
        c.observe(evaluation(30, 0, 0));
        assertThat(c.stage().index()).isEqualTo(2);
    }

    @Test
    void aRestoredStateContinuesMidStageExactly() {
        Curriculum original = Curricula.of(PAPER);
        train(original, 1, 250, 0.2, 0.2);
        train(original, 251, 500, 0.97, 0.98);
        train(original, 501, 750, 0.1, 0.1);
        Map<String, String> saved = original.state();
        assertThat(saved).containsEntry("stage", "1").containsEntry("entered", "500");
        Curriculum restored = Curricula.of(PAPER);
        restored.restore(saved);
        for (long s = 751; s <= 2000; s += 7) {
            assertThat(restored.weights(s)).as("step %d", s).isEqualTo(original.weights(s));
            assertThat(restored.stage()).isEqualTo(original.stage());
        }
    }

    @Test
    void aMissingComponentAccuracyIsAnErrorNotAStageThatNeverEnds() {
        Curriculum c = Curricula.of(PAPER);
        assertThatThrownBy(() -> c.observe(new Evaluation(250, Map.of("accuracy", 0.5, "loss", 1.0))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("waits for accuracy.MAX, which the evaluation after step 250 does not report");
    }

    @Test
    void aStageWithoutConditionThatIsNotLastIsRefused() {
        assertThatThrownBy(() -> Curricula.of("""
                curriculum:
                  type: staged
                  stages:
                    - curriculum: {weights: [MAX]}
                    - curriculum: {weights: [SUM]}
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("curriculum.stages[0].until: stage 0 is not the last, so it needs a condition");
    }

    @Test
    void aConditionOnTheLastStageIsRefused() {
        assertThatThrownBy(() -> Curricula.of("""
                curriculum:
                  type: staged
                  stages:
                    - {curriculum: {weights: [SUM]}, until: {step: 100}}
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("curriculum.stages[0].until: the last stage lasts to the end of the run");
    }

    @Test
    void thresholdsOutsideZeroToOneAreRefusedAtTheirKey() {
        assertThatThrownBy(() -> Curricula.of("""
                curriculum:
                  type: staged
                  stages:
                    - {curriculum: {weights: [MAX]}, until: {accuracy: [MAX], at_least: 95}}
                    - curriculum: {weights: [SUM]}
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("curriculum.stages[0].until.at_least: expected a number from 0 to 1, found '95'");
    }

    @Test
    void anUnknownComponentInAConditionGetsDidYouMean() {
        assertThatThrownBy(() -> Curricula.of("""
                curriculum:
                  type: staged
                  stages:
                    - {curriculum: {weights: [MAX]}, until: {accuracy: [MAXX]}}
                    - curriculum: {weights: [SUM]}
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("curriculum.stages[0].until.accuracy: expected components of the task (MAX, MED, SUM),"
                        + " found 'MAXX' (did you mean 'MAX'?)");
    }

    @Test
    void aConditionNeedsAccuracyOrAStep() {
        assertThatThrownBy(() -> Curricula.of("""
                curriculum:
                  type: staged
                  stages:
                    - {curriculum: {weights: [MAX]}, until: {at_least: 0.9}}
                    - curriculum: {weights: [SUM]}
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("expected a condition: accuracy (components whose test accuracy must reach at_least), step,"
                        + " or both; found neither");
    }

    @Test
    void problemsOfANestedCurriculumAreReportedAtTheirPath() {
        assertThatThrownBy(() -> Curricula.of("""
                curriculum:
                  type: staged
                  stages:
                    - {curriculum: {type: linear, from: [MAX], to: [SUM], span: -5}, until: {step: 10}}
                    - curriculum: {weights: {SUM: -1}}
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("curriculum.stages[0].curriculum.span: expected an integer from 1")
                .hasMessageContaining("curriculum.stages[1].curriculum.weights.SUM:");
    }

    @Test
    void noStagesIsRefused() {
        assertThatThrownBy(() -> Curricula.of("curriculum: {type: staged, stages: []}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("curriculum.stages: expected a list of stages");
    }

    @Test
    void aWarmStartBelongsInTheFirstStage(@TempDir Path dir) throws IOException {
        Path source = SourceRuns.withCheckpoints(dir.resolve("source"), 100);
        String from = "'" + source.toString().replace("'", "''") + "'";
        Curriculum first = Curricula.of("curriculum:\n  type: staged\n  stages:\n"
                + "    - {curriculum: {type: warm-start, from: " + from + "}, until: {step: 10}}\n"
                + "    - curriculum: {weights: [SUM]}\n");
        assertThat(first.startFrom()).isPresent();
        assertThatThrownBy(() -> Curricula.of("curriculum:\n  type: staged\n  stages:\n"
                + "    - {curriculum: {weights: [SUM]}, until: {step: 10}}\n"
                + "    - curriculum: {type: warm-start, from: " + from + "}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("curriculum.stages[1].curriculum: a warm start applies where training begins");
    }
}
