package org.threshold.analysis.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WassersteinTest {

    @Test
    void pointMassesAreTheirDistanceApart() {
        assertThat(Wasserstein.distance(new double[] {2}, new double[] {5})).isEqualTo(3.0);
        assertThat(Wasserstein.distance(new double[] {2, 2, 2}, new double[] {-1.5})).isEqualTo(3.5);
    }

    @Test
    void equalSizedSamplesMoveSortedValueToSortedValue() {
        // Sorted pairing: |0 − 1| + |0 − 3| over 2 = 2; as area: F_a − F_b is 1 on [0, 1), ½ on [1, 3).
        assertThat(Wasserstein.distance(new double[] {0, 0}, new double[] {3, 1})).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void unequalSizesIntegrateTheCdfGap() {
        // F_a = 1 from 0; F_b = ½ on [0, 2): area ½ · 2 = 1.
        assertThat(Wasserstein.distance(new double[] {0}, new double[] {0, 2})).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void distanceIsSymmetricAndZeroForIdenticalSamples() {
        double[] a = {0.4, 1.9, -0.3, 0.4};
        double[] b = {2.0, 0.1, 0.5};

        assertThat(Wasserstein.distance(a, b)).isEqualTo(Wasserstein.distance(b, a));
        assertThat(Wasserstein.distance(a, a.clone())).isZero();
    }

    @Test
    void shiftingASampleMovesItByTheShift() {
        double[] a = {0.4, 1.9, -0.3, 0.8, 5.0};
        double[] shifted = Arrays.stream(a).map(v -> v + 0.75).toArray();

        assertThat(Wasserstein.distance(a, shifted)).isCloseTo(0.75, within(1e-12));
    }
}
