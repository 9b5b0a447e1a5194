package org.threshold.analysis.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CohensDTest {

    @Test
    void twoShiftedSamplesGiveTheShiftOverTheStandardDeviation() {
        // a = 1..5, b = a − 2: both have variance 2.5, so s_p = √2.5 = 1.5811388 and
        // d = 2 / 1.5811388 = 1.2649111.
        double[] a = {1, 2, 3, 4, 5};
        double[] b = {-1, 0, 1, 2, 3};

        assertThat(CohensD.of(a, b)).isCloseTo(1.2649111, within(1e-7));
    }

    @Test
    void theSignIsGroupAMinusGroupB() {
        double[] a = {1, 2, 3, 4, 5};
        double[] b = {-1, 0, 1, 2, 3};

        assertThat(CohensD.of(b, a)).isCloseTo(-CohensD.of(a, b), within(1e-15)).isNegative();
    }

    @Test
    void unequalGroupsPoolTheirVariancesByDegreesOfFreedom() {
        // a = {1,2,3,4,5}: mean 3, s² = 2.5; b = {0,0,2,2}: mean 1, s² = 4/3.
        // s_p² = (4·2.5 + 3·4/3) / 7 = 14/7 = 2, d = (3 − 1)/√2 = 1.4142136.
        assertThat(CohensD.of(new double[] {1, 2, 3, 4, 5}, new double[] {0, 0, 2, 2})).isCloseTo(1.4142136, within(1e-7));
    }

    @Test
    void constantSamplesAreRejected() {
        assertThatThrownBy(() -> CohensD.of(new double[] {1, 1}, new double[] {2, 2})).hasMessageContaining("pooled standard deviation 0");
    }
}
