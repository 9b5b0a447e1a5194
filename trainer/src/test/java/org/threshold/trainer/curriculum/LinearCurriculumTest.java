package org.threshold.trainer.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threshold.api.config.ConfigException;
import org.threshold.api.curriculum.Curriculum;
import org.threshold.api.curriculum.Stage;

class LinearCurriculumTest {

    private static final String PAPER = "curriculum: {type: linear, from: {MAX: 1, MED: 1}, to: [SUM], start: 200, span: 1000}";

    /** The specification: shares of from up to start, of to from start + span, linear in between. */
    private static Map<String, Double> expected(long step, long start, long span) {
        double f = Math.min(1, Math.max(0, (double) (step - start) / span));
        return Map.of("MAX", 0.5 * (1 - f), "MED", 0.5 * (1 - f), "SUM", f);
    }

    @Test
    void weightsFollowFromThenMoveLinearlyToTo() {
        Curriculum c = Curricula.of(PAPER);
        for (long step : new long[] {0, 1, 199, 200, 201, 450, 700, 950, 1199, 1200, 1201, 50_000}) {
            Map<String, Double> weights = c.weights(step);
            assertThat(weights).as("step %d", step).containsOnlyKeys("MAX", "MED", "SUM");
            expected(step, 200, 1000).forEach((name, w) ->
                    assertThat(weights.get(name)).as("%s at step %d", name, step).isCloseTo(w, within(1e-12)));
        }
    }

    @Test
    void theEndsAreExactlyTheMixturesWritten() {
        Curriculum c = Curricula.of(PAPER);
        assertThat(c.weights(200)).containsExactly(Map.entry("MAX", 0.5), Map.entry("MED", 0.5), Map.entry("SUM", 0.0));
        assertThat(c.weights(1200)).containsExactly(Map.entry("MAX", 0.0), Map.entry("MED", 0.0), Map.entry("SUM", 1.0));
    }

    @Test
    void sharesNotWrittenWeightsAreInterpolated() {
        // {MAX: 3} and {MAX: 1, SUM: 1}: half-way MAX has (1 + 0.5) / 2 of the batch, not (3 + 1) / (3 + 1 + 1)
        Curriculum c = Curricula.of("curriculum: {type: linear, from: {MAX: 3}, to: {MAX: 1, SUM: 1}, span: 10}");
        assertThat(c.weights(5).get("MAX")).isCloseTo(0.75, within(1e-12));
        assertThat(c.weights(5).get("SUM")).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void theStageIsFromThenHandOverThenTheLastStageTo() {
        Curriculum c = Curricula.of(PAPER);
        c.weights(200);
        assertThat(c.stage()).isEqualTo(new Stage(0, "from", false));
        c.weights(201);
        assertThat(c.stage()).isEqualTo(new Stage(1, "hand-over", false));
        c.weights(1199);
        assertThat(c.stage()).isEqualTo(new Stage(1, "hand-over", false));
        c.weights(1200);
        assertThat(c.stage()).isEqualTo(new Stage(2, "to", true));
        assertThat(c.state()).isEmpty();
    }

    @Test
    void aSpanOfZeroStepsIsRefusedAtItsKey() {
        assertThatThrownBy(() -> Curricula.of("curriculum:\n  type: linear\n  from: [MAX]\n  to: [SUM]\n  span: 0\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("run.yaml:5:9: curriculum.span: expected an integer from 1 to 4611686018427387903, found '0'");
    }

    @Test
    void aMissingSpanOrMixtureIsNamed() {
        assertThatThrownBy(() -> Curricula.of("curriculum: {type: linear, to: [SUM]}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("curriculum.from: expected the mixture before the hand-over")
                .hasMessageContaining("curriculum.span: expected the hand-over's length in steps");
    }

    @Test
    void anUnknownComponentGetsDidYouMean() {
        assertThatThrownBy(() -> Curricula.of("curriculum: {type: linear, from: [MAX], to: [SUMM], span: 5}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("curriculum.to[0]: expected one of MAX, MED, SUM, found 'SUMM' (did you mean 'SUM'?)");
    }

    @Test
    void negativeWeightsAndAllZeroMixturesAreRefusedAtTheirKeys() {
        assertThatThrownBy(() -> Curricula.of("curriculum: {type: linear, from: {MAX: -1, MED: 2}, to: [SUM], span: 5}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("curriculum.from.MAX:");
        assertThatThrownBy(() -> Curricula.of("curriculum: {type: linear, from: [MAX], to: {SUM: 0, MED: 0}, span: 5}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("curriculum.to: expected at least one positive weight, found only zeros");
    }
}
