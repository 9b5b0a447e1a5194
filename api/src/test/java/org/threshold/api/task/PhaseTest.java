package org.threshold.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.threshold.api.curriculum.Evaluation;

/** A phase begins at the first evaluation whose metric reaches the level, and not at all when none does. */
class PhaseTest {

    private static final Phase ROUTED = new Phase("phase.routed", "accuracy.routed", 0.9);

    private static Evaluation at(long step, double accuracy) {
        return new Evaluation(step, Map.of("accuracy.routed", accuracy, "accuracy", 0.99));
    }

    @Test
    void theFirstEvaluationAtOrAboveTheLevelIsThePhasesStep() {
        List<Evaluation> history = List.of(at(250, 0.2), at(500, 0.89), at(750, 0.9), at(1000, 0.5), at(1250, 0.95));
        assertThat(ROUTED.reachedAt(history)).as("reaching exactly 0.9 counts; a later dip does not move it")
                .isEqualTo(OptionalLong.of(750));
    }

    @Test
    void aLevelNeverReachedOrAMetricNeverReportedHasNoStep() {
        assertThat(ROUTED.reachedAt(List.of(at(250, 0.2), at(500, 0.899)))).isEmpty();
        assertThat(ROUTED.reachedAt(List.of())).isEmpty();
        assertThat(new Phase("phase.chain", "accuracy.chain", 0.9).reachedAt(List.of(at(250, 1.0)))).isEmpty();
    }

    @Test
    void aPhaseNeedsANameAMetricAndAFiniteLevel() {
        assertThatThrownBy(() -> new Phase(" ", "accuracy", 0.9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Phase("phase.x", "accuracy", Double.NaN)).hasMessageContaining("finite");
    }
}
