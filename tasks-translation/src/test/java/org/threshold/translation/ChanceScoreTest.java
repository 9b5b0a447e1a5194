package org.threshold.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChanceScoreTest {

    @Test
    void chanceScoreForEightTokensMatchesTheHandComputedValue() {
        // m=8, L=4, against a fixed target, by inclusion–exclusion (see ChanceScore), (n)_k = n!/(n-k)!:
        //   4 right: 1
        //   3 right: C(4,3)·[(5)_1 − (4)_0]                         = 4·(5 − 1)               = 16
        //   2 right: C(4,2)·[(6)_2 − 2·(5)_1 + (4)_0]                = 6·(30 − 10 + 1)         = 126
        //   1 right: C(4,1)·[(7)_3 − 3·(6)_2 + 3·(5)_1 − (4)_0]      = 4·(210 − 90 + 15 − 1)   = 536
        //   0 right: (8)_4 − 4·(7)_3 + 6·(6)_2 − 4·(5)_1 + (4)_0     = 1680 − 840 + 180 − 20 + 1 = 1001
        // sum 1,680; score (1·1 + 16·0.75 + 126·0.5 + 536·0.24)/1680 = 204.64/1680 = 0.121809…
        assertThat(ChanceScore.sentencesWithPositionsRight(8, 4)).containsExactly(big(1001), big(536), big(126), big(16), big(1));
        assertThat(ChanceScore.of(8, TranslationConfig.PAPER_SCORE_WEIGHTS)).isCloseTo(204.64 / 1680, within(1e-12));
        assertThat(ChanceScore.of(8, TranslationConfig.PAPER_SCORE_WEIGHTS)).isCloseTo(0.122, within(5e-4));
    }

    @Test
    void chanceScoreForTwelveTokensMatchesTheHandComputedValue() {
        // m=12, L=4: 3 right 4·(9 − 1) = 32; 2 right 6·(90 − 18 + 1) = 438;
        // 1 right 4·(990 − 270 + 27 − 1) = 2,984; 0 right 11880 − 3960 + 540 − 36 + 1 = 8,425; sum 11,880.
        // score (1 + 32·0.75 + 438·0.5 + 2984·0.24)/11880 = 960.16/11880 = 0.080821…
        assertThat(ChanceScore.sentencesWithPositionsRight(12, 4)).containsExactly(big(8425), big(2984), big(438), big(32), big(1));
        assertThat(ChanceScore.of(12, TranslationConfig.PAPER_SCORE_WEIGHTS)).isCloseTo(960.16 / 11880, within(1e-12));
        assertThat(ChanceScore.of(12, TranslationConfig.PAPER_SCORE_WEIGHTS)).isCloseTo(0.081, within(5e-4));
    }

    @Test
    void formulaAgreesWithEnumeratingEverySentence() {
        for (int m = 1; m <= 7; m++) {
            for (int length = 1; length <= m; length++) {
                SentenceSpace space = new SentenceSpace(m, length);
                int[] target = space.sentence(space.size() / 2);
                long[] counts = new long[length + 1];
                for (long i = 0; i < space.size(); i++) {
                    counts[PositionalScore.positionsRight(target, space.sentence(i))]++;
                }
                BigInteger[] formula = ChanceScore.sentencesWithPositionsRight(m, length);
                for (int j = 0; j <= length; j++) {
                    assertThat(formula[j].longValueExact()).as("m=%d L=%d j=%d", m, length, j).isEqualTo(counts[j]);
                }
            }
        }
    }

    @Test
    void withTheLinearTableChanceIsTheExpectedShareOfPositionsRight() {
        // each position is right with probability 1/m, so the mean share is 1/m
        assertThat(ChanceScore.of(8, List.of(1.0, 0.75, 0.5, 0.25, 0.0))).isCloseTo(1.0 / 8, within(1e-12));
        assertThat(ChanceScore.of(10, TranslationConfig.defaultScoreWeights(3))).isCloseTo(1.0 / 10, within(1e-12));
    }

    private static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }
}
