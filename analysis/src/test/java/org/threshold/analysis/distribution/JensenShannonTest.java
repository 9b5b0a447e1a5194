package org.threshold.analysis.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JensenShannonTest {

    @Test
    void divergenceOfHandComputedDistributions() {
        // p = (½, ½), q = (1, 0), m = (¾, ¼):
        // KL(p‖m) = ½ ln(⅔) + ½ ln 2 = −0.2027326 + 0.3465736 = 0.1438410
        // KL(q‖m) = ln(4/3) = 0.2876821
        // JSD = ½ (0.1438410 + 0.2876821) = 0.2157616
        assertThat(JensenShannon.ofProbabilities(new double[] {0.5, 0.5}, new double[] {1, 0}))
                .isCloseTo(0.2157616, within(1e-7));
    }

    @Test
    void divergenceIsSymmetricAndZeroForIdenticalSamples() {
        SplittableRandom random = new SplittableRandom(3);
        double[] a = random.doubles(500).map(v -> v * v).toArray();
        double[] b = random.doubles(400).toArray();

        assertThat(JensenShannon.ofSamples(a, b)).isEqualTo(JensenShannon.ofSamples(b, a)).isPositive();
        assertThat(JensenShannon.ofSamples(a, a.clone())).isZero();
    }

    @Test
    void disjointSamplesReachLnTwo() {
        // 50 bins over [0, 10.1] are 0.202 wide: a falls in bin 0, b in bins 49 only.
        double jsd = JensenShannon.ofSamples(new double[] {0, 0.1, 0.2}, new double[] {10, 10.1});

        assertThat(jsd).isCloseTo(Math.log(2), within(1e-12));
    }

    @Test
    void divergenceNeverExceedsLnTwo() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 50; trial++) {
            double shift = trial * 0.2;
            double[] a = random.doubles(100).toArray();
            double[] b = random.doubles(100).map(v -> v + shift).toArray();
            assertThat(JensenShannon.ofSamples(a, b, SharedBins.covering(a, b, 5 + trial))).isBetween(0.0, Math.log(2));
        }
    }

    @Test
    void sharedBinsCoverBothSamplesAndIncludeTheUpperEdge() {
        SharedBins bins = SharedBins.covering(new double[] {-1, 0}, new double[] {3}, 4);

        assertThat(bins).isEqualTo(new SharedBins(-1, 3, 4));
        assertThat(bins.index(3)).isEqualTo(3);
        assertThat(bins.probabilities(new double[] {-1, -0.5, 0, 3})).containsExactly(0.5, 0.25, 0, 0.25);
        assertThat(bins.densities(new double[] {-1, 3})).containsExactly(0.5, 0, 0, 0.5);
    }
}
