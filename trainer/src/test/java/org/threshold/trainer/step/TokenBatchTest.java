package org.threshold.trainer.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.threshold.api.task.Example;

class TokenBatchTest {

    private static final int PAD = 9;
    private final List<Example> examples = List.of(new Example(new int[] {1, 2, 3, 4, 5}, 3), new Example(new int[] {6, 7, 8}, 2));

    @Test
    void targetsAreTheNextTokensAndPaddingNeverCounts() {
        TokenBatch batch = TokenBatch.of(examples, PAD, false);
        assertThat(batch.size()).isEqualTo(2);
        assertThat(batch.length()).isEqualTo(4);
        assertThat(batch.inputs()).containsExactly(1, 2, 3, 4, 6, 7, PAD, PAD);
        assertThat(batch.targets()).containsExactly(2, 3, 4, 5, 7, 8, PAD, PAD);
        assertThat(batch.lossMask()).containsExactly(1, 1, 1, 1, 1, 1, 0, 0);
        assertThat(batch.counted()).isEqualTo(6);
        assertThat(batch.countsEveryTarget()).isFalse();
    }

    @Test
    void completionOnlyLossCountsTargetsFromTheCompletionStartOn() {
        TokenBatch batch = TokenBatch.of(examples, PAD, true);
        // example 0: targets are tokens 1..4, of which tokens 3 and 4 (values 4, 5) are the answer
        // example 1: targets are tokens 1..2, of which token 2 (value 8) is the answer
        assertThat(batch.lossMask()).containsExactly(0, 0, 1, 1, 0, 1, 0, 0);
        assertThat(batch.counted()).isEqualTo(3);
    }

    @Test
    void aFixedLengthPadsFurtherAndRefusesLongerExamples() {
        assertThat(TokenBatch.of(examples, PAD, false, 6).inputs()).hasSize(12);
        assertThatThrownBy(() -> TokenBatch.of(examples, PAD, false, 3)).hasMessageContaining("example 0 has 5 tokens");
    }

    @Test
    void unmaskedBatchesCountEveryTarget() {
        TokenBatch batch = TokenBatch.unmasked(1, 3, new long[] {1, 2, 3}, new long[] {2, 3, 4});
        assertThat(batch.countsEveryTarget()).isTrue();
        assertThat(batch.counted()).isEqualTo(3);
    }
}
