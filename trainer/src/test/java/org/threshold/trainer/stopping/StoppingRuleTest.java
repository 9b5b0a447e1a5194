package org.threshold.trainer.stopping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.threshold.trainer.TrainingConfig;

class StoppingRuleTest {

    private static final int EVERY = 250;
    private static final TrainingConfig.EarlyStopping PAPER = new TrainingConfig.EarlyStopping(true, 2_000, 2.5e-4, 10);

    /** Runs the rule over a synthetic curve of mean losses evaluated every 250 steps; the stopping step, if any. */
    private static OptionalLong stopOn(StoppingRule rule, LongToDoubleFunction meanLoss, long lastStageFrom, long maxStep) {
        for (long step = EVERY; step <= maxStep; step += EVERY) {
            if (rule.observe(step, meanLoss.applyAsDouble(step), step >= lastStageFrom)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    @Test
    void stopsAtThePatiencethConsecutiveEvaluationWhoseLossChangedLessThanMinDelta() {
        // falls by 0.01 per evaluation until step 3000, then stays flat: the changes at 3250, 3500,
        // ... are 0, and the tenth of them is at 3000 + 10 * 250
        LongToDoubleFunction curve = step -> step <= 3_000 ? 2.0 - 0.01 * step / EVERY : 2.0 - 0.01 * 3_000 / EVERY;
        assertThat(stopOn(new StoppingRule(PAPER), curve, 0, 20_000)).hasValue(3_000 + 10 * EVERY);
    }

    @Test
    void aSlowButSteadyDeclineAboveMinDeltaNeverStops() {
        LongToDoubleFunction curve = step -> 5.0 - 3e-4 * step / EVERY;
        assertThat(stopOn(new StoppingRule(PAPER), curve, 0, 20_000)).isEmpty();
    }

    @Test
    void evaluationsUpToStepAfterDoNotCount() {
        // flat from the start: only evaluations after step 2000 count, so the tenth is at 2000 + 10 * 250
        assertThat(stopOn(new StoppingRule(PAPER), step -> 1.0, 0, 20_000)).hasValue(2_000 + 10 * EVERY);
    }

    @Test
    void oneLargeChangeStartsTheCountAgain() {
        // flat, except a jump at step 4000 (up) and back at 4250: the count restarts after 4250
        LongToDoubleFunction curve = step -> step == 4_000 ? 1.5 : 1.0;
        assertThat(stopOn(new StoppingRule(PAPER), curve, 0, 20_000)).hasValue(4_250 + 10 * EVERY);
    }

    @Test
    void onlyTheCurriculumsLastStageCanStop() {
        // flat throughout, but the last stage begins at step 8000: counting starts there
        assertThat(stopOn(new StoppingRule(PAPER), step -> 1.0, 8_000, 20_000)).hasValue(8_000 + 9 * EVERY);
    }

    @Test
    void aDisabledRuleNeverStops() {
        var off = new TrainingConfig.EarlyStopping(false, 2_000, 2.5e-4, 10);
        assertThat(stopOn(new StoppingRule(off), step -> 1.0, 0, 50_000)).isEmpty();
    }

    @Test
    void aRestoredRuleStopsWhereTheOriginalWould() {
        LongToDoubleFunction curve = step -> step <= 3_000 ? 2.0 - 0.01 * step / EVERY : 1.88;
        StoppingRule original = new StoppingRule(PAPER);
        for (long step = EVERY; step <= 4_000; step += EVERY) {
            original.observe(step, curve.applyAsDouble(step), true);
        }
        assertThat(original.quietEvaluations()).isEqualTo(4);
        StoppingRule resumed = new StoppingRule(PAPER);
        resumed.restore(original.state());
        OptionalLong expected = OptionalLong.empty();
        OptionalLong actual = OptionalLong.empty();
        for (long step = 4_000 + EVERY; step <= 20_000 && expected.isEmpty(); step += EVERY) {
            boolean a = original.observe(step, curve.applyAsDouble(step), true);
            boolean b = resumed.observe(step, curve.applyAsDouble(step), true);
            expected = a ? OptionalLong.of(step) : expected;
            actual = b ? OptionalLong.of(step) : actual;
        }
        assertThat(actual).isEqualTo(expected).hasValue(3_000 + 10 * EVERY);
    }
}
