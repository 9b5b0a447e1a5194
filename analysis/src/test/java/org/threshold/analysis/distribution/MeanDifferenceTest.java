package org.threshold.analysis.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MeanDifferenceTest {

    @Test
    void welchIntervalOfAHandComputedCase() {
        // a = {1,2,3,4,5}: mean 3, s²/n = 2.5/5 = 0.5; b = {0,0,2,2}: mean 1, s²/n = (4/3)/4 = 1/3.
        // se = √(5/6) = 0.9128709; ν = (5/6)² / (0.5²/4 + (1/3)²/3) = 0.6944444/0.0995370 = 6.976744.
        // t(0.975, ν≈6.98) lies between t(0.975, 7) = 2.364624 and t(0.975, 6) = 2.446912, near the former.
        MeanDifference md = MeanDifference.welch(new double[] {1, 2, 3, 4, 5}, new double[] {0, 0, 2, 2}, 0.95);

        assertThat(md.difference()).isCloseTo(2.0, within(1e-12));
        assertThat(md.degreesOfFreedom()).isCloseTo(6.976744, within(1e-6));
        double halfWidth = (md.upper() - md.lower()) / 2;
        assertThat(halfWidth / 0.9128709).isBetween(2.364624, 2.3675);
        assertThat((md.upper() + md.lower()) / 2).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void intervalContainsTheTrueDifferenceAtItsNominalRate() {
        // Samples of N(0.5, 1) and N(0, 2²), true difference 0.5: a 95% interval should cover it in
        // about 95% of 400 repetitions (binomial SD 1.1%).
        SplittableRandom random = new SplittableRandom(42);
        int covered = 0;
        for (int rep = 0; rep < 400; rep++) {
            double[] a = new double[30];
            double[] b = new double[50];
            for (int i = 0; i < a.length; i++) {
                a[i] = 0.5 + random.nextGaussian();
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = 2 * random.nextGaussian();
            }
            MeanDifference md = MeanDifference.welch(a, b, 0.95);
            if (md.lower() <= 0.5 && 0.5 <= md.upper()) {
                covered++;
            }
        }
        assertThat(covered / 400.0).isBetween(0.92, 0.98);
    }
}
