package org.threshold.listops.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threshold.api.task.EvalItem;
import org.threshold.listops.arithmetic.Arithmetic;
import org.threshold.listops.expression.ChainOfThought;
import org.threshold.listops.expression.Equation;
import org.threshold.listops.expression.Notation;

class AnswerScorerTest {

    private final Notation notation = Arithmetic.of(10, 1).notation();
    private final AnswerScorer scorer = new AnswerScorer();

    private EvalItem item(String expression, boolean cot) {
        Equation e = new ChainOfThought(notation).equation(notation.parse(expression), cot);
        return ExpressionTask.evalItem(e, 128);
    }

    private Map<String, Double> score(EvalItem item, String generated) {
        return scorer.score(item, notation.vocabulary().parse(generated));
    }

    @Test
    void theCorrectCompletionScoresOneOnBoth() {
        EvalItem item = item("(%12(%34))", true);
        assertThat(score(item, "(%127)>0=0e")).containsEntry("accuracy", 1.0).containsEntry("exact_match", 1.0);
        assertThat(scorer.metrics()).containsExactly("accuracy", "exact_match");
    }

    @Test
    void accuracyLooksOnlyAtTheFirstTokenAfterTheFirstEquals() {
        EvalItem item = item("(%12(%34))", true);
        // a wrong step that still reaches the answer counts for accuracy, not for exact match
        assertThat(score(item, "(%125)>0=0e")).containsEntry("accuracy", 1.0).containsEntry("exact_match", 0.0);
        assertThat(score(item, "(%127)>0=0")).containsEntry("accuracy", 1.0).containsEntry("exact_match", 0.0);
        assertThat(score(item, "(%127)>0=1e")).containsEntry("accuracy", 0.0);
        assertThat(score(item, "(%127)>0=0=1e")).containsEntry("accuracy", 1.0);
        assertThat(score(item, "(%127)>0")).containsEntry("accuracy", 0.0);
        assertThat(score(item, "")).containsEntry("accuracy", 0.0).containsEntry("exact_match", 0.0);
    }

    @Test
    void withoutTheChainTheFirstGeneratedTokenIsTheAnswer() {
        EvalItem item = item("(%12(%34))", false);
        assertThat(notation.text(item.prompt())).isEqualTo("s(%12(%34))=");
        assertThat(score(item, "0e")).containsEntry("accuracy", 1.0).containsEntry("exact_match", 1.0);
        assertThat(score(item, "0")).containsEntry("accuracy", 1.0).containsEntry("exact_match", 0.0);
        assertThat(score(item, "7e")).containsEntry("accuracy", 0.0);
    }

    @Test
    void evalItemsLeaveRoomForALongerChainWithinTheContext() {
        EvalItem item = item("(%12(%34))", true);
        assertThat(item.expected()).hasSize(11);
        assertThat(item.maxNewTokens()).isEqualTo(22);
        Equation e = new ChainOfThought(notation).equation(notation.parse("(%12(%34))"), true);
        assertThat(ExpressionTask.evalItem(e, 26).maxNewTokens()).isEqualTo(26 - e.promptLength());
    }

    @Test
    void theChanceLevelIsTheShareOfTheMostFrequentAnswer() {
        assertThat(ChanceLevel.of(java.util.List.of(item("(+12)", true), item("(+21)", true), item("(+07)", true),
                item("(%34)", true)))).isEqualTo(0.5);
    }
}
