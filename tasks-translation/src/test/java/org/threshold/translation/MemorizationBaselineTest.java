package org.threshold.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MemorizationBaselineTest {

    @Test
    void baselineIsTheShareOfSentencesSeenInTraining() {
        // x/|N|: 50 of 1,680 = 0.029762; Table 1's D->B, 100 of 11,880 = 0.008418
        assertThat(new MemorizationBaseline(50, 1_680, 100).expectedScore()).isCloseTo(50.0 / 1_680, within(1e-15));
        assertThat(new MemorizationBaseline(100, 11_880, 100).expectedScore()).isCloseTo(0.008418, within(1e-6));
    }

    @Test
    void boundReproducesThePapersSevenPointSevenFourPercentForFiveTestSentences() {
        // Section 3.1.3: "the chance that the model gets 60% accuracy score by memorization is less than or equal
        // to 7.74% for n=5". With x = 50, |N| = 1,680: t = 0.6 − 0.029762 = 0.570238, 2nt² = 10·0.325171 = 3.25171,
        // 2·exp(−3.25171) = 2·0.038703 = 0.077406.
        MemorizationBaseline paper = new MemorizationBaseline(50, 1_680, 5);
        assertThat(paper.probabilityOfReaching(0.6)).isCloseTo(0.0774, within(5e-5));
    }

    @Test
    void scoreAtALevelIsTheInverseOfTheBound() {
        // n = 100, α = 0.05: t = sqrt(ln(40)/200) = sqrt(3.688879/200) = 0.135810
        MemorizationBaseline b = new MemorizationBaseline(50, 1_680, 100);
        double score = b.scoreReachedWithProbability(0.05);
        assertThat(score).isCloseTo(50.0 / 1_680 + 0.135810, within(1e-6));
        assertThat(b.probabilityOfReaching(score)).isCloseTo(0.05, within(1e-12));
        // the paper's n = 5 example: a memoriser reaches 0.6 with probability 7.74%, so at level 7.74% the score is 0.6
        MemorizationBaseline paper = new MemorizationBaseline(50, 1_680, 5);
        assertThat(paper.scoreReachedWithProbability(paper.probabilityOfReaching(0.6))).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void scoresAtOrBelowTheBaselineAreNotBounded() {
        MemorizationBaseline b = new MemorizationBaseline(840, 1_680, 100);
        assertThat(b.probabilityOfReaching(0.5)).isEqualTo(1.0);
        assertThat(b.probabilityOfReaching(0.3)).isEqualTo(1.0);
    }
}
