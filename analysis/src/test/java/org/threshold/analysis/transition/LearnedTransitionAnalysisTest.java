package org.threshold.analysis.transition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LearnedTransitionAnalysisTest {

    private final LearnedTransitionAnalysis analysis = new LearnedTransitionAnalysis(TransitionSettings.defaults());

    /** Sizes 1k, 10k, 100k, 1M with three seeds; accuracies per size, one per seed. */
    private static List<RunAccuracy> runs(double[][] accuracies) {
        long[] sizes = {1_000, 10_000, 100_000, 1_000_000};
        List<RunAccuracy> runs = new ArrayList<>();
        for (int s = 0; s < accuracies.length; s++) {
            for (int seed = 0; seed < accuracies[s].length; seed++) {
                runs.add(new RunAccuracy("seed=" + (seed + 1), sizes[s], accuracies[s][seed]));
            }
        }
        return runs;
    }

    @Test
    void separatedOutcomesGiveTheCrossingBetweenTheSeparatingSizesAndSaySo() {
        LearnedTransition t = analysis.analyze("SUM", runs(new double[][] {
                {0.1, 0.2, 0.1}, {0.3, 0.45, 0.2}, {0.9, 0.7, 0.95}, {1.0, 1.0, 0.99}}));
        // symmetric on log10 sizes 3, 4 | 5, 6: P(learned) = 1/2 halfway, at 10^4.5
        assertThat(t.estimate()).isInstanceOf(TransitionEstimate.Located.class);
        assertThat(Math.log10(((TransitionEstimate.Located) t.estimate()).parameters())).isCloseTo(4.5, within(1e-9));
        assertThat(t.separation()).contains(new LearnedTransition.Separation(10_000, 100_000));
        assertThat(t.learned()).isEqualTo(6);
        assertThat(t.describe()).isEqualTo("31.6k parameters; perfectly separated: no run up to 10.0k learned and every run "
                + "from 100k on did, so the data place the crossing only between them (the value is the Firth-penalized fit's; "
                + "no bootstrap interval)");
        assertThat(t.interval()).isEmpty();
    }

    @Test
    void aRunExactlyAtTheThresholdCountsAsLearned() {
        assertThat(LearnedTransitionAnalysis.learned(new RunAccuracy("seed=1", 100, 0.5), 0.5)).isTrue();
        assertThat(LearnedTransitionAnalysis.learned(new RunAccuracy("seed=1", 100, 0.4999), 0.5)).isFalse();
    }

    @Test
    void noRunLearnedIsABoundAboveTheLargestSize() {
        LearnedTransition t = analysis.analyze("SUM", runs(new double[][] {{0.1, 0.1}, {0.2, 0.2}, {0.3, 0.3}, {0.4, 0.49}}));
        assertThat(t.estimate()).isEqualTo(new TransitionEstimate.Bounded(Side.ABOVE, 1_000_000, "no run of 8 reached ≥ 50%"));
        assertThat(t.describe()).isEqualTo("above 1.0M (no run of 8 reached ≥ 50%)");
    }

    @Test
    void everyRunLearnedIsABoundBelowTheSmallestSize() {
        LearnedTransition t = analysis.analyze("SUM", runs(new double[][] {{0.6, 0.6}, {0.7, 0.7}, {0.8, 0.8}, {0.9, 0.9}}));
        assertThat(t.estimate()).isEqualTo(new TransitionEstimate.Bounded(Side.BELOW, 1_000, "all 8 runs reached ≥ 50%"));
    }

    @Test
    void mixedOutcomesAreNotSeparatedAndTheIntervalCoversTheEstimate() {
        LearnedTransition t = analysis.analyze("SUM", runs(new double[][] {
                {0.1, 0.6, 0.1}, {0.3, 0.7, 0.2}, {0.9, 0.3, 0.95}, {1.0, 1.0, 0.99}}));
        assertThat(t.separation()).isEmpty();
        double at = ((TransitionEstimate.Located) t.estimate()).parameters();
        BootstrapInterval ci = t.interval().orElseThrow();
        assertThat(ci.resamples()).isEqualTo(1000);
        if (ci.lower() instanceof TransitionEstimate.Located lower) {
            assertThat(lower.parameters()).isLessThanOrEqualTo(at);
        }
        if (ci.upper() instanceof TransitionEstimate.Located upper) {
            assertThat(upper.parameters()).isGreaterThanOrEqualTo(at);
        }
    }

    @Test
    void oneSizeIsUndetermined() {
        List<RunAccuracy> one = List.of(new RunAccuracy("seed=1", 500, 0.2), new RunAccuracy("seed=2", 500, 0.9));
        assertThat(analysis.analyze("SUM", one).describe()).isEqualTo("no fit: only one model size was measured (500)");
    }
}
