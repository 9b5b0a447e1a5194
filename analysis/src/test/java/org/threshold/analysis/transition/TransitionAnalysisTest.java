package org.threshold.analysis.transition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TransitionAnalysisTest {

    private static final TransitionSettings FAST = TransitionSettings.defaults().withResamples(100);
    private final TransitionAnalysis analysis = new TransitionAnalysis(FAST);

    @Test
    void fitRecoversTheTransitionOfNoisySyntheticDataWithinTolerance() {
        LogisticCurve truth = new LogisticCurve(0.1, 0.95, 6.0, 4.3);
        // 4 seeds × 16 sizes from 10^3.5 to 10^5, noise SD 0.05.
        List<RunAccuracy> runs = SyntheticSweep.fromCurve(truth, 3.5, 5.0, 0.1, 4, 0.05, 7);

        TransitionPoint point = analysis.analyze("SUM", runs);

        // True crossing of 50%: 4.3 − ln(0.85/0.4 − 1)/6 = 4.2804, i.e. 19,073 parameters.
        assertThat(point.estimate()).isInstanceOf(TransitionEstimate.Located.class);
        double found = ((TransitionEstimate.Located) point.estimate()).parameters();
        assertThat(Math.log10(found)).isCloseTo(4.2804, within(0.03));
        assertThat(point.fit().orElseThrow().curve().x0()).isCloseTo(4.3, within(0.05));
        assertThat(point.stepLike()).isFalse();
        BootstrapInterval ci = point.interval().orElseThrow();
        assertThat(ci.resamples()).isEqualTo(100);
        assertThat(ci.allLocated()).isTrue();
        double lower = ((TransitionEstimate.Located) ci.lower()).parameters();
        double upper = ((TransitionEstimate.Located) ci.upper()).parameters();
        assertThat(lower).isLessThan(found);
        assertThat(upper).isGreaterThan(found);
        assertThat(Math.log10(lower)).isLessThan(4.2804);
        assertThat(Math.log10(upper)).isGreaterThan(4.2804);
    }

    @Test
    void theThresholdCanBeEightyPercent() {
        LogisticCurve truth = new LogisticCurve(0.1, 0.95, 6.0, 4.3);
        List<RunAccuracy> runs = SyntheticSweep.fromCurve(truth, 3.5, 5.0, 0.1, 3, 0.0, 1);

        TransitionPoint point = new TransitionAnalysis(FAST.withThreshold(0.8)).analyze("SUM", runs);

        // 4.3 − ln(0.85/0.7 − 1)/6 = 4.5567
        double found = ((TransitionEstimate.Located) point.estimate()).parameters();
        assertThat(Math.log10(found)).isCloseTo(4.5567, within(1e-4));
        assertThat(point.threshold()).isEqualTo(0.8);
    }

    @Test
    void allRunsBelowTheThresholdGiveNoFitButABoundAboveTheLargestSize() {
        List<RunAccuracy> runs = SyntheticSweep.table(new long[] {4_100, 9_000, 21_000, 53_000},
                new double[][] {{0.1, 0.2, 0.3, 0.45}, {0.1, 0.15, 0.2, 0.5}});

        TransitionPoint point = analysis.analyze("SUM 900", runs);

        assertThat(point.estimate()).isEqualTo(new TransitionEstimate.Bounded(Side.ABOVE, 53_000,
                "no fit: all 8 runs are at or below 50%"));
        assertThat(point.estimate().describe()).isEqualTo("above 53.0k");
        assertThat(point.describe()).isEqualTo("above 53.0k (no fit: all 8 runs are at or below 50%)");
        assertThat(point.fit()).isEmpty();
        assertThat(point.interval()).isEmpty();
    }

    @Test
    void allRunsAboveTheThresholdGiveNoFitButABoundBelowTheSmallestSize() {
        List<RunAccuracy> runs = SyntheticSweep.table(new long[] {4_100, 9_000, 21_000},
                new double[][] {{0.6, 0.9, 1.0}, {0.7, 0.95, 1.0}});

        TransitionPoint point = analysis.analyze("MAX+MED+SUM", runs);

        assertThat(point.estimate().describe()).isEqualTo("below 4.1k");
        assertThat(((TransitionEstimate.Bounded) point.estimate()).reason()).isEqualTo("no fit: all 6 runs are above 50%");
    }

    @Test
    void aCrossingBelowTheMeasuredSizesIsABoundNotAValue() {
        // Mean accuracy at the smallest size is (0.45 + 0.48 + 0.70)/3 = 0.543, already above 50%,
        // and the curve rises from there: it crosses 50% somewhere below 4,000 parameters.
        List<RunAccuracy> runs = SyntheticSweep.table(new long[] {4_000, 8_000, 16_000, 32_000},
                new double[][] {{0.45, 0.80, 0.90, 0.97}, {0.48, 0.75, 0.92, 0.96}, {0.70, 0.85, 0.95, 0.98}});

        TransitionPoint point = analysis.analyze("MAX+MED+SUM", runs);

        assertThat(point.estimate()).isInstanceOf(TransitionEstimate.Bounded.class);
        assertThat(point.estimate().describe()).isEqualTo("below 4.0k");
        assertThat(point.fit()).isPresent();
    }

    @Test
    void aCrossingAboveTheMeasuredSizesIsABoundNotAValue() {
        // The mirror image: mean at the largest size (0.55 + 0.52 + 0.30)/3 = 0.457 < 50%.
        List<RunAccuracy> runs = SyntheticSweep.table(new long[] {4_000, 8_000, 16_000, 32_000},
                new double[][] {{0.03, 0.10, 0.20, 0.55}, {0.04, 0.15, 0.22, 0.52}, {0.02, 0.05, 0.08, 0.30}});

        TransitionPoint point = analysis.analyze("SUM", runs);

        assertThat(point.estimate().describe()).isEqualTo("above 32.0k");
    }

    @Test
    void tooFewRunsAboveWithMostOfTheLargestSizeBelowIsABoundAbove() {
        // 1 of 12 runs above 50%, as SUM 900 in the reference measurement.
        List<RunAccuracy> runs = SyntheticSweep.table(new long[] {6_000, 10_000, 14_000, 24_000},
                new double[][] {{0.1, 0.2, 0.3, 0.4}, {0.1, 0.2, 0.3, 0.6}, {0.1, 0.1, 0.2, 0.3}});

        TransitionPoint point = analysis.analyze("SUM 900", runs);

        assertThat(point.estimate().describe()).isEqualTo("above 24.0k");
        assertThat(((TransitionEstimate.Bounded) point.estimate()).reason()).isEqualTo("too few points to place a crossing "
                + "(only 1 of 12 runs are above 50%), and 2 of 3 runs at the largest size are at or below it");
        assertThat(point.tallies()).extracting(SizeTally::above).containsExactly(0, 0, 0, 1);
        // The curve is still fitted for the picture, but gets no interval that would lend it precision.
        assertThat(point.fit()).isPresent();
        assertThat(point.interval()).isEmpty();
    }

    @Test
    void tooFewRunsAtOrBelowWithMostOfTheSmallestSizeAboveIsABoundBelow() {
        // 11 of 12 above, as MAX+MED+SUM 2700 measured in examples/paper/appendix-c.yaml.
        List<RunAccuracy> runs = SyntheticSweep.table(new long[] {4_200, 8_700, 14_600, 31_200},
                new double[][] {{0.7, 0.9, 1.0, 1.0}, {0.3, 0.86, 0.92, 0.99}, {0.6, 0.9, 1.0, 1.0}});

        TransitionPoint point = analysis.analyze("2700", runs);

        assertThat(point.estimate().describe()).isEqualTo("below 4.2k");
        assertThat(point.interval()).isEmpty();
    }

    @Test
    void tooFewRunsOnOneSideWithoutAMajorityAtTheExtremeSizeAreSaidSo() {
        // 1 of 8 above, and that one is half of the largest size: the counts cannot say on which side it falls.
        List<RunAccuracy> runs = SyntheticSweep.table(new long[] {6_000, 10_000, 14_000, 24_000},
                new double[][] {{0.1, 0.2, 0.3, 0.4}, {0.1, 0.2, 0.3, 0.6}});

        TransitionPoint point = analysis.analyze("SUM 900", runs);

        assertThat(point.estimate()).isInstanceOf(TransitionEstimate.Undetermined.class);
        assertThat(point.estimate().describe()).isEqualTo(
                "too few points to place a crossing: only 1 of 8 runs are above 50% (at least 2 needed on each side)");
        assertThat(point.interval()).isEmpty();
    }

    @Test
    void aStepInTheDataIsFlaggedWithTheTwoSizesItLiesBetween() {
        List<RunAccuracy> runs = SyntheticSweep.table(new long[] {4_000, 8_000, 16_000, 32_000},
                new double[][] {{0.0, 0.02, 0.98, 1.0}, {0.01, 0.0, 1.0, 0.99}, {0.0, 0.01, 0.97, 1.0}});

        TransitionPoint point = analysis.analyze("MAX+MED+SUM", runs);

        assertThat(point.estimate()).isInstanceOf(TransitionEstimate.Located.class);
        double found = ((TransitionEstimate.Located) point.estimate()).parameters();
        assertThat(found).isBetween(8_000.0, 16_000.0);
        assertThat(point.stepLike()).isTrue();
        assertThat(point.notes().get(0)).startsWith("step-like fit")
                .endsWith("the data place the crossing only between 8.0k and 16.0k");
        assertThat(point.describe()).contains("step-like fit");
    }

    @Test
    void aCurveThatLevelsOffBelowTheThresholdHasNoCrossing() {
        // Two noisy runs above 50%, but the size means level off near 45%: so does the fit.
        List<RunAccuracy> runs = SyntheticSweep.table(new long[] {1_000, 2_000, 4_000, 8_000, 16_000},
                new double[][] {{0.05, 0.20, 0.40, 0.44, 0.45}, {0.06, 0.25, 0.55, 0.52, 0.44}, {0.04, 0.22, 0.38, 0.42, 0.46}});

        TransitionPoint point = analysis.analyze("SUM", runs);

        assertThat(point.estimate()).isInstanceOf(TransitionEstimate.Undetermined.class);
        assertThat(point.estimate().describe()).startsWith("no crossing: the fitted curve levels off at 4")
                .endsWith(", below the 50% threshold");
        assertThat(point.fit().orElseThrow().curve().hi()).isLessThan(0.5);
    }

    @Test
    void oneSizeOnlyCannotBeFitted() {
        List<RunAccuracy> runs = SyntheticSweep.table(new long[] {5_000}, new double[][] {{0.2}, {0.8}, {0.7}});

        TransitionPoint point = analysis.analyze("SUM", runs);

        assertThat(point.estimate().describe()).contains("only one model size was measured (5.0k)");
    }

    @Test
    void countsPerSizeUseStrictlyAboveTheThreshold() {
        List<RunAccuracy> runs = SyntheticSweep.table(new long[] {1_000, 2_000},
                new double[][] {{0.5, 0.51}, {0.2, 0.9}});

        List<SizeTally> tallies = TransitionAnalysis.tallies(runs, 0.5);

        assertThat(tallies).extracting(SizeTally::parameters, SizeTally::runs, SizeTally::above)
                .containsExactly(tuple(1_000L, 2, 0), tuple(2_000L, 2, 2));
        // (0.51 + 0.9) / 2 = 0.705
        assertThat(tallies.get(1).meanAccuracy()).isCloseTo(0.705, within(1e-12));
        assertThat(tallies.get(1).describe()).isEqualTo("2.0k: 2 of 2 above");
    }

    @Test
    void theBootstrapIsDeterministicInItsSeedAndReportsOneSeedHonestly() {
        LogisticCurve truth = new LogisticCurve(0.05, 1.0, 4.0, 4.2);
        List<RunAccuracy> runs = SyntheticSweep.fromCurve(truth, 3.6, 4.8, 0.2, 3, 0.08, 3);

        TransitionPoint first = analysis.analyze("SUM", runs);
        TransitionPoint second = analysis.analyze("SUM", runs);
        TransitionPoint oneSeed = analysis.analyze("SUM", runs.stream().filter(r -> r.seed().equals("seed=1")).toList());

        assertThat(first.interval()).isEqualTo(second.interval());
        assertThat(oneSeed.interval()).isEmpty();
        assertThat(oneSeed.notes()).contains("one seed only: no bootstrap interval");
    }

    @Test
    void bootstrapEndpointsOutsideTheSizesAreBoundsAndTheCountsAreReported() {
        // Seed 3 alone would put the crossing below 4,000; seeds 1 and 2 put it inside.
        List<RunAccuracy> runs = SyntheticSweep.table(new long[] {4_000, 8_000, 16_000, 32_000},
                new double[][] {{0.10, 0.45, 0.80, 0.95}, {0.05, 0.40, 0.85, 0.97}, {0.75, 0.85, 0.95, 0.98}});

        TransitionPoint point = analysis.analyze("SUM", runs);

        BootstrapInterval ci = point.interval().orElseThrow();
        assertThat(ci.belowRange()).isPositive();
        assertThat(ci.lower()).isEqualTo(new TransitionEstimate.Bounded(Side.BELOW, 4_000,
                "bootstrap resamples crossed below the smallest size"));
        assertThat(ci.describe()).startsWith("95% CI <4.0k–");
        assertThat(point.describe()).contains(ci.located() + " of 100 bootstrap fits crossed 50% within the measured sizes");
    }
}
