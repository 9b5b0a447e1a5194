package org.threshold.trainer.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    private final LearningRateSchedule cosine = new LearningRateSchedule(1e-3, 1e-4, 100, 20_000, true);

    @Test
    void warmUpRisesLinearlyFromNearZeroToThePeak() {
        assertThat(cosine.rate(0)).isCloseTo(1e-3 / 101, within(1e-15));
        assertThat(cosine.rate(49)).isCloseTo(1e-3 * 50 / 101, within(1e-15));
        assertThat(cosine.rate(99)).isCloseTo(1e-3 * 100 / 101, within(1e-15));
        assertThat(cosine.rate(100)).isEqualTo(1e-3);
    }

    @Test
    void cosineDecayReachesTheMinimumAtTheLastStep() {
        // halfway through the decay the rate is halfway between peak and minimum
        int middle = 100 + (19_999 - 100) / 2;
        assertThat(cosine.rate(middle)).isCloseTo(1e-4 + 0.5 * (1 + Math.cos(Math.PI * (middle - 100) / 19_899.0)) * 9e-4,
                within(1e-15));
        assertThat(cosine.rate(middle)).isCloseTo(5.5e-4, within(1e-7));
        assertThat(cosine.rate(19_999)).isCloseTo(1e-4, within(1e-15));
        assertThat(cosine.rate(25_000)).isCloseTo(1e-4, within(1e-15));
        for (int s = 101; s < 20_000; s += 997) {
            assertThat(cosine.rate(s)).isLessThan(cosine.rate(s - 1));
        }
    }

    @Test
    void constantScheduleHoldsThePeakAfterWarmUp() {
        LearningRateSchedule constant = new LearningRateSchedule(1e-3, 1e-4, 10, 1_000, false);
        assertThat(constant.rate(4)).isCloseTo(1e-3 * 5 / 11, within(1e-15));
        assertThat(constant.rate(10)).isEqualTo(1e-3);
        assertThat(constant.rate(999)).isEqualTo(1e-3);
        assertThat(new LearningRateSchedule(1e-3, 1e-4, 0, 5, false).rate(0)).isEqualTo(1e-3);
    }

    @Test
    void aMinimumAboveThePeakIsRefused() {
        assertThatThrownBy(() -> new LearningRateSchedule(1e-4, 1e-3, 0, 10, true)).hasMessageContaining("min_lr");
    }
}
