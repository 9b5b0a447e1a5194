package org.threshold.analysis.transition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogisticCurveTest {

    @Test
    void crossingSolvesTheCurveForTheThreshold() {
        LogisticCurve curve = new LogisticCurve(0.1, 0.95, 6.0, 4.3);
        // x* = x0 − ln((hi − lo)/(t − lo) − 1)/k = 4.3 − ln(0.85/0.4 − 1)/6 = 4.3 − ln(1.125)/6 = 4.280370
        assertThat(curve.log10Crossing(0.5).orElseThrow()).isCloseTo(4.280370, within(1e-6));
        // At t = 0.8: 4.3 − ln(0.85/0.7 − 1)/6 = 4.3 + 1.540445/6 = 4.556741
        assertThat(curve.log10Crossing(0.8).orElseThrow()).isCloseTo(4.556741, within(1e-6));
        assertThat(curve.at(4.280370)).isCloseTo(0.5, within(1e-6));
    }

    @Test
    void aCurveThatNeverReachesTheThresholdHasNoCrossing() {
        assertThat(new LogisticCurve(0.0, 0.45, 3.0, 4.0).log10Crossing(0.5)).isEmpty();
        assertThat(new LogisticCurve(0.6, 1.0, 3.0, 4.0).log10Crossing(0.5)).isEmpty();
    }

    @Test
    void widthIsTheTenToNinetyPercentRise() {
        LogisticCurve curve = new LogisticCurve(0, 1, 4.0, 4.0);
        // ln 81 / 4 = 4.394449 / 4 = 1.098612 decades
        assertThat(curve.width()).isCloseTo(1.098612, within(1e-6));
        assertThat(curve.at(4.0 + curve.width() / 2)).isCloseTo(0.9, within(1e-9));
        assertThat(curve.at(4.0 - curve.width() / 2)).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void levelsOutsideZeroToOneOrAFallingCurveAreRejected() {
        assertThatThrownBy(() -> new LogisticCurve(-0.1, 0.9, 1, 4)).hasMessageContaining("0 <= lo <= hi <= 1");
        assertThatThrownBy(() -> new LogisticCurve(0.8, 0.2, 1, 4)).hasMessageContaining("0 <= lo <= hi <= 1");
        assertThatThrownBy(() -> new LogisticCurve(0.1, 0.9, 0, 4)).hasMessageContaining("k > 0");
    }
}
