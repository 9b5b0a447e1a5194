package org.threshold.analysis.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KolmogorovSmirnovTest {

    @Test
    void identicalSamplesHaveStatisticZero() {
        double[] a = {0.3, -1.2, 2.5, 0.7, 0.7, 1.1};

        KolmogorovSmirnov ks = KolmogorovSmirnov.test(a, a.clone());

        assertThat(ks.statistic()).isZero();
        assertThat(ks.pValue()).isEqualTo(1.0);
    }

    @Test
    void fullySeparatedSmallSamplesHaveTheExactPValue() {
        // D = 1. Of the C(6,3) = 20 equally likely orderings of six values into two groups of
        // three, only "aaabbb" and "bbbaaa" give D = 1: p = P(D >= 1) = 2/20 = 0.1.
        KolmogorovSmirnov ks = KolmogorovSmirnov.test(new double[] {1, 2, 3}, new double[] {4, 5, 6});

        assertThat(ks.statistic()).isEqualTo(1.0);
        assertThat(ks.pValue()).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void statisticIsTheLargestGapBetweenTheEmpiricalCdfs() {
        // Merged: 1a 2a 2.5b 3a 3.5b 4a 5b 6b; F_a − F_b after each: .25 .5 .25 .5 .25 .5 .25 0.
        KolmogorovSmirnov ks = KolmogorovSmirnov.test(new double[] {1, 2, 3, 4}, new double[] {2.5, 3.5, 5, 6});

        assertThat(ks.statistic()).isEqualTo(0.5);
    }

    @Test
    void largeSamplesUseTheAsymptoticKolmogorovDistribution() {
        // a = i/200, b = (i + 50.5)/200, i = 0..199: D = 51/200 = 0.255 (F_a leads by 51 steps).
        // n·m = 40,000, so p = Q(√(nm/(n+m))·D) = Q(10 · 0.255) = 2 Σ (−1)^(k−1) e^(−2k²·2.55²)
        //   = 2 e^(−13.005) − 2 e^(−52.02) + … = 4.49806e−6.
        double[] a = new double[200];
        double[] b = new double[200];
        for (int i = 0; i < 200; i++) {
            a[i] = i / 200.0;
            b[i] = (i + 50.5) / 200.0;
        }

        KolmogorovSmirnov ks = KolmogorovSmirnov.test(a, b);

        assertThat(ks.statistic()).isCloseTo(0.255, within(1e-12));
        assertThat(ks.pValue()).isCloseTo(4.49806e-6, within(1e-10));
    }
}
