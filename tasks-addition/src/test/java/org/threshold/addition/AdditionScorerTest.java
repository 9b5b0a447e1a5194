package org.threshold.addition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.threshold.api.task.EvalItem;

/** Exact match over the whole sum and its e; per-digit accuracy position by position. */
class AdditionScorerTest {

    private final AdditionNotation notation = new AdditionNotation(3, DigitOrder.LSB, true);
    private final AdditionScorer scorer = new AdditionScorer();
    private final EvalItem item = notation.item(new Operands(123, 456)); // 321+654=9750e
    private static final int E = AdditionNotation.END_ID;

    @Test
    void theExpectedCompletionScoresOneOnBoth() {
        assertThat(scorer.score(item, item.expected())).containsEntry("accuracy", 1.0).containsEntry("digit_accuracy", 1.0);
    }

    @Test
    void oneWrongDigitOfFourIsNotExactAndThreeQuartersOfTheDigits() {
        assertThat(scorer.score(item, new int[] {9, 7, 5, 1, E})).containsEntry("accuracy", 0.0).containsEntry("digit_accuracy", 0.75);
    }

    @Test
    void rightDigitsWithoutTheStopTokenAreNotAnExactMatch() {
        assertThat(scorer.score(item, new int[] {9, 7, 5, 0, 0})).containsEntry("accuracy", 0.0).containsEntry("digit_accuracy", 1.0);
    }

    @Test
    void aShortCompletionCountsTheDigitsItDoesNotReachAsWrong() {
        assertThat(scorer.score(item, new int[] {9, E})).containsEntry("accuracy", 0.0).containsEntry("digit_accuracy", 0.25);
        assertThat(scorer.score(item, new int[0])).containsEntry("digit_accuracy", 0.0);
    }

    @Test
    void theMetricsAreAccuracyThenDigitAccuracy() {
        assertThat(scorer.metrics()).containsExactly("accuracy", "digit_accuracy");
    }
}
