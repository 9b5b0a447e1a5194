package org.threshold.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.threshold.api.task.EvalItem;

class PositionalScoreTest {

    private final PositionalScore paper = new PositionalScore(TranslationConfig.PAPER_SCORE_WEIGHTS);
    private final EvalItem item = new EvalItem(new int[] {3, 4, 5, 6, 1}, new int[] {10, 11, 12, 13}, 4);

    @Test
    void scoreTableGivesThePapersValuesForFourToZeroMatches() {
        assertThat(paper.score(item, new int[] {10, 11, 12, 13})).containsEntry("score", 1.0).containsEntry("exact_match", 1.0);
        assertThat(paper.score(item, new int[] {10, 11, 12, 9})).containsEntry("score", 0.75).containsEntry("exact_match", 0.0);
        assertThat(paper.score(item, new int[] {10, 9, 12, 9})).containsEntry("score", 0.5);
        assertThat(paper.score(item, new int[] {9, 9, 9, 13})).containsEntry("score", 0.24);
        assertThat(paper.score(item, new int[] {11, 12, 13, 10})).containsEntry("score", 0.0);
    }

    @Test
    void positionsCountInOrderAndMissingPositionsAreWrong() {
        // the right tokens in the wrong places score nothing (section 3.1: "in the correct order")
        assertThat(PositionalScore.positionsRight(new int[] {10, 11, 12, 13}, new int[] {13, 12, 11, 10})).isZero();
        assertThat(paper.score(item, new int[] {10, 11})).containsEntry("score", 0.5);
        assertThat(paper.score(item, new int[] {10, 11, 12, 13, 2})).containsEntry("score", 1.0);
    }

    @Test
    void theTableIsConfigurable() {
        PositionalScore code = new PositionalScore(List.of(1.0, 0.75, 0.5, 0.25, 0.0)); // the authors' code
        assertThat(code.score(item, new int[] {10, 0, 0, 0})).containsEntry("score", 0.25);
        PositionalScore two = new PositionalScore(TranslationConfig.defaultScoreWeights(2));
        assertThat(two.forPositionsRight(1)).isEqualTo(0.5);
        assertThat(two.length()).isEqualTo(2);
    }

    @Test
    void headlineMetricComesFirst() {
        assertThat(paper.metrics()).containsExactly("score", "exact_match");
    }

    @Test
    void tablesOfTheWrongSizeOrRangeAreRejected() {
        assertThatThrownBy(() -> paper.score(new EvalItem(new int[] {1}, new int[] {1, 2}, 2), new int[] {1, 2}))
                .hasMessageContaining("sentences of 4 tokens");
        assertThatThrownBy(() -> new PositionalScore(List.of(1.0, 1.5))).hasMessageContaining("[0, 1]");
    }
}
