package org.threshold.analysis.transition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Firth-penalized logistic regression against fits computed by hand: closed forms where they
 * exist, symmetry, and the penalized likelihood's own maximum checked by finite differences.
 */
class FirthLogisticTest {

    private final FirthLogistic firth = new FirthLogistic();

    /** n copies of x with k of them 1. */
    private static void group(double x, int n, int k, double[] xs, int[] ys, int from) {
        Arrays.fill(xs, from, from + n, x);
        Arrays.fill(ys, from, from + k, 1);
        Arrays.fill(ys, from + k, from + n, 0);
    }

    @Test
    void withTwoSizesTheFitIsTheHaldaneCorrectedProportionsAtEachSize() {
        // Two x values make the model saturated; there Firth's estimate is the plain one with half an
        // outcome added to each cell: p = (k + 1/2) / (n + 1) at each x (Firth 1993, section 3).
        double[] x = new double[8];
        int[] y = new int[8];
        group(3.0, 4, 0, x, y, 0);   // 0 of 4 learned at 1k parameters
        group(3.5, 4, 3, x, y, 4);   // 3 of 4 at 3.2k
        FirthLogistic.Fit fit = firth.fit(x, y).orElseThrow();
        double logitLow = Math.log(0.1 / 0.9);    // (0 + 0.5) / 5
        double logitHigh = Math.log(0.7 / 0.3);   // (3 + 0.5) / 5
        double slope = (logitHigh - logitLow) / 0.5;
        assertThat(fit.b1()).isCloseTo(slope, within(1e-8));
        assertThat(fit.b0()).isCloseTo(logitLow - slope * 3.0, within(1e-8));
        assertThat(fit.probability(3.0)).isCloseTo(0.1, within(1e-9));
        assertThat(fit.probability(3.5)).isCloseTo(0.7, within(1e-9));
        assertThat(fit.midpoint().orElseThrow()).isCloseTo(3.0 + 0.5 * -logitLow / (logitHigh - logitLow), within(1e-9));
    }

    @Test
    void symmetricOutcomesPutTheMidpointAtTheCentre() {
        double[] x = new double[8];
        int[] y = new int[8];
        group(1, 2, 0, x, y, 0);
        group(2, 2, 1, x, y, 2);
        group(3, 2, 1, x, y, 4);
        group(4, 2, 2, x, y, 6);
        FirthLogistic.Fit fit = firth.fit(x, y).orElseThrow();
        assertThat(fit.midpoint().orElseThrow()).isCloseTo(2.5, within(1e-9));
        assertThat(fit.b1()).isPositive();
        assertIsTheMaximum(x, y, fit);
    }

    @Test
    void perfectlySeparatedOutcomesStillGiveAFiniteFitBetweenTheSeparatingSizes() {
        // The plain likelihood has no maximum here (its slope runs to infinity); the penalized one does.
        double[] x = new double[8];
        int[] y = new int[8];
        group(1, 2, 0, x, y, 0);
        group(2, 2, 0, x, y, 2);
        group(3, 2, 2, x, y, 4);
        group(4, 2, 2, x, y, 6);
        FirthLogistic.Fit fit = firth.fit(x, y).orElseThrow();
        assertThat(fit.b1()).isPositive().isLessThan(50);
        assertThat(fit.midpoint().orElseThrow()).isCloseTo(2.5, within(1e-9));
        assertIsTheMaximum(x, y, fit);
    }

    @Test
    void anUnevenSampleIsFittedAtThePenalizedLikelihoodsMaximum() {
        double[] x = {3.0, 3.0, 3.0, 3.3, 3.3, 3.3, 3.6, 3.6, 3.6, 3.9, 3.9};
        int[] y = {0, 0, 1, 0, 0, 1, 1, 0, 1, 1, 1};
        FirthLogistic.Fit fit = firth.fit(x, y).orElseThrow();
        assertIsTheMaximum(x, y, fit);
        assertThat(fit.midpoint().orElseThrow()).isBetween(3.0, 3.9);
    }

    @Test
    void anOutcomeThatFallsWithSizeHasNoMidpoint() {
        double[] x = {1, 1, 2, 2, 3, 3};
        int[] y = {1, 1, 1, 0, 0, 0};
        assertThat(firth.fit(x, y).orElseThrow().midpoint()).isEmpty();
    }

    /** Every small move of (b0, b1) lowers the penalized log-likelihood, computed here from its definition. */
    private static void assertIsTheMaximum(double[] x, int[] y, FirthLogistic.Fit fit) {
        double best = penalized(x, y, fit.b0(), fit.b1());
        for (double d0 : new double[] {-1e-3, 0, 1e-3}) {
            for (double d1 : new double[] {-1e-3, 0, 1e-3}) {
                if (d0 != 0 || d1 != 0) {
                    assertThat(penalized(x, y, fit.b0() + d0, fit.b1() + d1)).isLessThan(best);
                }
            }
        }
    }

    /** log L + ½ log det(XᵀWX), written out on the original x. */
    private static double penalized(double[] x, int[] y, double b0, double b1) {
        double log = 0;
        double s00 = 0;
        double s01 = 0;
        double s11 = 0;
        for (int i = 0; i < x.length; i++) {
            double p = 1 / (1 + Math.exp(-(b0 + b1 * x[i])));
            log += y[i] == 1 ? Math.log(p) : Math.log(1 - p);
            double w = p * (1 - p);
            s00 += w;
            s01 += w * x[i];
            s11 += w * x[i] * x[i];
        }
        return log + 0.5 * Math.log(s00 * s11 - s01 * s01);
    }
}
