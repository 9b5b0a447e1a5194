package org.threshold.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threshold.api.task.EvalItem;
import org.threshold.api.task.Vocabulary;

class ContextCopyTest {

    private final TranslationTask task = new TranslationTask(TranslationConfig.defaults(), 1);
    private final Vocabulary vocabulary = task.vocabulary();
    private final int dot = task.layout().dot();

    @Test
    void copiesTheTranslationsThatTheSolvedInstancesShow() {
        int[] prompt = vocabulary.parse("c7 c0 | a5 a1 a4 a6 . c4 c6 c1 c2 | a0 a6 a1 a4 .");
        assertThat(vocabulary.render(answerTokens(prompt))).isEqualTo("<pad> c2 c6 c1");
    }

    @Test
    void usesTheVisiblePairsOfAnInstanceCutAtThePromptsStart() {
        int[] prompt = vocabulary.parse("a4 a6 . c4 c6 c1 c2 | a6 a0 a4 a1 .");
        // a4 and a6 are the last two source tokens of the cut instance, so they pair with c1 and c2
        assertThat(vocabulary.render(answerTokens(prompt))).isEqualTo("c2 <pad> c1 <pad>");
    }

    @Test
    void scoresTheCopierWithTheTaskScore() {
        PositionalScore score = new PositionalScore(TranslationConfig.PAPER_SCORE_WEIGHTS);
        int[] prompt = vocabulary.parse("c7 c0 | a5 a1 a4 a6 . c4 c6 c1 c2 | a0 a6 a1 a4 .");
        EvalItem item = new EvalItem(prompt, vocabulary.parse("c7 c2 c6 c1"), 4);
        assertThat(ContextCopy.meanScore(List.of(item), score, dot)).isEqualTo(0.75);
    }

    @Test
    void withOneWholeInstanceInViewTheCopierScoresAboutHalf() {
        // An 18-token prompt shows one whole instance: 4 of the 8 token pairs. The query's 4 tokens hit k of them
        // with hypergeometric probability C(4,k)·C(4,4−k)/C(8,4) = 1, 16, 36, 16, 1 (/70) for k = 0..4, so the
        // copier's expected score is (1·1 + 16·0.75 + 36·0.5 + 16·0.24)/70 = 34.84/70 = 0.498; over 100 prompts
        // the mean has a standard deviation of about 0.02.
        for (String edge : List.of("A->B", "B->C", "A->C")) {
            assertThat(task.figures().get("copy." + edge)).isCloseTo(34.84 / 70, within(0.07));
        }
        assertThat(task.figures().get("copy")).isEqualTo(task.figures().get("copy.A->C"));
    }

    /** The copier's answer with "no answer" shown as the padding token. */
    private int[] answerTokens(int[] prompt) {
        return Arrays.stream(ContextCopy.answer(prompt, 4, dot)).map(t -> t < 0 ? vocabulary.pad() : t).toArray();
    }
}
