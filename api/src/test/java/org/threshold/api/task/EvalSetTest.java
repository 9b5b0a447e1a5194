package org.threshold.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvalSetTest {

    private static final List<EvalItem> ITEMS = List.of(new EvalItem(new int[] {1, 2}, new int[] {3}, 1));

    @Test
    void aSetIsScoredAtEveryEvaluationUnlessMarkedFinalOnly() {
        assertThat(new EvalSet("SUM", ITEMS).finalOnly()).isFalse();
        EvalSet benchmark = EvalSet.atEndOfRun("adderboard", ITEMS);
        assertThat(benchmark.finalOnly()).isTrue();
        assertThat(benchmark.metricName("accuracy")).isEqualTo("accuracy.adderboard");
    }

    @Test
    void theHeadlineSetCannotBeFinalOnly() {
        assertThatThrownBy(() -> EvalSet.atEndOfRun("", ITEMS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the headline test set is scored at every evaluation; it cannot be final-only");
    }
}
