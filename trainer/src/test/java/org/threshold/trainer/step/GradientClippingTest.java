package org.threshold.trainer.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GradientClippingTest {

    @Test
    void gradientsAboveTheNormAreScaledDownToIt() {
        GradientClipping clipping = new GradientClipping(1.0);
        assertThat(clipping.scale(4.0)).isCloseTo(0.25, within(1e-6));
        assertThat(4.0 * clipping.scale(4.0)).isCloseTo(1.0, within(1e-6));
        assertThat(clipping.scale(0.5)).isEqualTo(1.0);
    }

    @Test
    void zeroTurnsClippingOff() {
        assertThat(new GradientClipping(0).scale(1e6)).isEqualTo(1.0);
    }
}
