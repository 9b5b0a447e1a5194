package org.threshold.trainer.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threshold.api.task.EvalItem;
import org.threshold.trainer.fixtures.SequenceTask;
import org.threshold.trainer.fixtures.WithBenchmark;

class EvaluatorTest {

    private final SequenceTask task = new SequenceTask(11, 4, 40, 20, 1.0);
    private final int copy = task.vocabulary().id("c");
    private final int stop = task.vocabulary().id("e");

    /** Answers every copy prompt correctly and gives up on every reverse prompt (writes only the stop token). */
    private final Decoder copiesOnly = prompts -> prompts.stream()
            .map(p -> p.prompt()[1] == copy ? p.expected() : new int[] {stop})
            .toList();

    @Test
    void everySetReportsTheMeanOfEachScorerMetricUnderItsMetricName() {
        Map<String, Double> metrics = new Evaluator(task).evaluate(copiesOnly);
        assertThat(metrics).containsOnlyKeys("accuracy", "exact_match", "accuracy.copy", "exact_match.copy",
                "accuracy.reverse", "exact_match.reverse", "accuracy.train", "exact_match.train");
        assertThat(metrics.get("accuracy.copy")).isEqualTo(1.0);
        assertThat(metrics.get("exact_match.reverse")).isEqualTo(0.0);
        // the headline and train sets hold as many copy prompts as reverse prompts
        assertThat(metrics.get("accuracy")).isEqualTo(0.5);
        assertThat(metrics.get("exact_match.train")).isEqualTo(0.5);
    }

    @Test
    void metricsComeInTheTasksSetOrderWithTheHeadlineFirst() {
        assertThat(new Evaluator(task).evaluate(copiesOnly).keySet()).startsWith("accuracy", "exact_match", "accuracy.copy");
    }

    @Test
    void aFinalOnlySetIsScoredAtTheEndOfARunOnly() {
        Evaluator evaluator = new Evaluator(new WithBenchmark(task));
        assertThat(evaluator.evaluate(copiesOnly, false)).doesNotContainKeys("accuracy.benchmark", "exact_match.benchmark")
                .containsKeys("accuracy", "accuracy.train");
        Map<String, Double> end = evaluator.evaluate(copiesOnly, true);
        assertThat(end.keySet()).endsWith("accuracy.benchmark", "exact_match.benchmark");
        assertThat(end.get("accuracy.benchmark")).isEqualTo(end.get("accuracy"));
        assertThat(evaluator.evaluate(copiesOnly)).as("every set, unless asked otherwise").isEqualTo(end);
        assertThat(evaluator.finalOnlyMetrics()).containsExactly("accuracy.benchmark", "exact_match.benchmark");
    }

    @Test
    void aDecoderThatLosesPromptsIsAnError() {
        Decoder lossy = prompts -> prompts.subList(1, prompts.size()).stream().map(EvalItem::expected).toList();
        assertThatThrownBy(() -> new Evaluator(task).evaluate(lossy)).hasMessageContaining("completions for");
    }

    @Test
    void theScoreOfAnExactAnswerIsOneEverywhere() {
        Map<String, Double> metrics = new Evaluator(task).evaluate(prompts -> prompts.stream().map(EvalItem::expected).toList());
        assertThat(metrics.values()).containsOnly(1.0);
        assertThat(List.copyOf(metrics.values())).hasSize(8);
    }
}
