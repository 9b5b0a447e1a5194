package org.threshold.trainer.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.threshold.api.task.Example;

class BatchLayoutTest {

    private static final int PAD = 0;

    @Test
    void theModelReadsAllButTheLastTokenAndPredictsAllButTheFirst() {
        Batch b = new BatchLayout(PAD, 8, false).lay(List.of(new Example(new int[] {5, 6, 7, 8}, 2)), new int[] {0});
        assertThat(b.time()).isEqualTo(3);
        assertThat(b.inputs()).containsExactly(5, 6, 7);
        assertThat(b.targets()).containsExactly(6, 7, 8);
        assertThat(b.weights()).containsExactly(1f, 1f, 1f);
    }

    @Test
    void shorterRowsArePaddedAndTheirPaddingIsMaskedFromTheLoss() {
        Batch b = new BatchLayout(PAD, 8, false).lay(
                List.of(new Example(new int[] {5, 6, 7, 8}, 0), new Example(new int[] {3, 4}, 0)), new int[] {0, 1});
        assertThat(b.time()).isEqualTo(3);
        assertThat(b.inputs()).containsExactly(5, 6, 7, 3, PAD, PAD);
        assertThat(b.targets()).containsExactly(6, 7, 8, 4, PAD, PAD);
        assertThat(b.weights()).containsExactly(1f, 1f, 1f, 1f, 0f, 0f);
        assertThat(b.countedTargets()).isEqualTo(4);
        assertThat(b.components()).containsExactly(0, 1);
    }

    @Test
    void completionOnlyLossCountsOnlyTheTargetsThatAreAnswerTokens() {
        // s ( 1 2 ) = 2 e with the completion starting at token 6 ("2"): targets 6 and 7 count
        Example e = new Example(new int[] {1, 2, 3, 4, 5, 6, 7, 8}, 6);
        Batch b = new BatchLayout(PAD, 8, true).lay(List.of(e), new int[] {0});
        assertThat(b.targets()).containsExactly(2, 3, 4, 5, 6, 7, 8);
        assertThat(b.weights()).containsExactly(0f, 0f, 0f, 0f, 0f, 1f, 1f);
    }

    @Test
    void anExampleLongerThanTheContextIsRefused() {
        assertThatThrownBy(() -> new BatchLayout(PAD, 3, false).lay(List.of(new Example(new int[] {1, 2, 3, 4}, 0)), new int[] {0}))
                .hasMessageContaining("4 tokens").hasMessageContaining("context length 3");
    }
}
