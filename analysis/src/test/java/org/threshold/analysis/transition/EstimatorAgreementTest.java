package org.threshold.analysis.transition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EstimatorAgreementTest {

    @Test
    void aRangeIsTheIntervalTheBracketTheBoundsSideOrTheValue() {
        TransitionEstimate value = new TransitionEstimate.Located(1_000);
        assertThat(EstimatorAgreement.range(value, Optional.empty(), Optional.empty()).orElseThrow()).containsExactly(3.0, 3.0);
        assertThat(EstimatorAgreement.range(value, Optional.empty(), Optional.of(new LearnedTransition.Separation(100, 10_000)))
                .orElseThrow()).containsExactly(2.0, 4.0);
        assertThat(EstimatorAgreement.range(new TransitionEstimate.Bounded(Side.ABOVE, 100, "none learned"), Optional.empty(),
                Optional.empty()).orElseThrow()).containsExactly(2.0, Double.POSITIVE_INFINITY);
        assertThat(EstimatorAgreement.range(new TransitionEstimate.Undetermined("no fit"), Optional.empty(), Optional.empty()))
                .isEmpty();
    }

    @Test
    void estimatorsDisagreeWhenRunsEndingOnTheThresholdCountAsLearnedButTheCurveCrossesLater() {
        // Sizes at half decades 3..6, every seed alike: 0, 0, then a plateau at exactly 50%, then 1, 1.
        // The data are symmetric about x = 4.5, where the accuracy curve crosses 50%; but a run at
        // 50% counts as learned, so learned-or-not is separated between 10^3.5 and 10^4.
        double[] accuracy = {0.0, 0.0, 0.5, 0.5, 0.5, 1.0, 1.0};
        List<RunAccuracy> runs = new ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            for (int i = 0; i < accuracy.length; i++) {
                runs.add(new RunAccuracy("seed=" + seed, Math.round(Math.pow(10, 3 + 0.5 * i)), accuracy[i]));
            }
        }
        TransitionSettings settings = TransitionSettings.defaults();
        TransitionPoint lsq = new TransitionAnalysis(settings).analyze("X", runs);
        LearnedTransition learned = new LearnedTransitionAnalysis(settings).analyze("X", runs);
        assertThat(Math.log10(((TransitionEstimate.Located) lsq.estimate()).parameters())).isBetween(4.4, 4.6);
        assertThat(learned.separation()).contains(new LearnedTransition.Separation(3_162, 10_000));
        assertThat(EstimatorAgreement.disagreement(lsq, learned)).get().asString()
                .startsWith("the two estimators disagree beyond their intervals: the accuracy fit gives ");
    }

    @Test
    void estimatorsAgreeOnASharpTransition() {
        long[] sizes = {1_000, 3_000, 10_000, 30_000, 100_000};
        double[][] accuracy = {{0.05, 0.1, 0.9, 0.95, 1.0}, {0.1, 0.2, 0.8, 1.0, 0.97}, {0.0, 0.3, 0.7, 0.9, 1.0}};
        List<RunAccuracy> runs = new ArrayList<>();
        for (int seed = 0; seed < accuracy.length; seed++) {
            for (int i = 0; i < sizes.length; i++) {
                runs.add(new RunAccuracy("seed=" + (seed + 1), sizes[i], accuracy[seed][i]));
            }
        }
        TransitionSettings settings = TransitionSettings.defaults();
        assertThat(EstimatorAgreement.disagreement(new TransitionAnalysis(settings).analyze("X", runs),
                new LearnedTransitionAnalysis(settings).analyze("X", runs))).isEmpty();
    }
}
