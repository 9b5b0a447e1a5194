package org.threshold.trainer.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threshold.trainer.fixtures.SequenceTask;

class BatchSupplyTest {

    private final SequenceTask task = new SequenceTask(7, 4, 50, 10, 1.0);

    private BatchSampler sampler() {
        return new BatchSampler(task.components(), 4, 16, new BatchLayout(task.vocabulary().pad(), task.contextLength(), false));
    }

    private static Map<String, Double> weights(long step) {
        return step % 3 == 0 ? Map.of("copy", 1.0) : Map.of("copy", 1.0, "reverse", 2.0);
    }

    @Test
    void batchesDrawnAheadAreTheOnesTheSamplerDrawsInStepOrder() {
        BatchSampler direct = sampler();
        try (BatchSupply supply = new BatchSupply(sampler(), BatchSupplyTest::weights)) {
            for (long step = 1; step <= 30; step++) {
                BatchSupply.Drawn drawn = supply.take(step);
                if (step % 7 != 0) { // some steps are not drawn ahead, as after an evaluation
                    supply.prepare(step + 1);
                }
                Batch expected = direct.next(step, weights(step));
                assertThat(drawn.step()).isEqualTo(step);
                assertThat(drawn.batch().inputs()).isEqualTo(expected.inputs());
                assertThat(drawn.weights()).isEqualTo(weights(step));
                assertThat(drawn.samplerAfter()).isEqualTo(direct.state()); // not the state after the batch drawn ahead
            }
        }
    }

    @Test
    void aStepOtherThanThePreparedOneIsAnError() {
        try (BatchSupply supply = new BatchSupply(sampler(), BatchSupplyTest::weights)) {
            supply.prepare(5);
            assertThatThrownBy(() -> supply.take(4)).hasMessageContaining("step 5 was prepared");
        }
    }

    @Test
    void aSamplerErrorInTheBackgroundReachesTheLoop() {
        try (BatchSupply supply = new BatchSupply(sampler(), step -> Map.of("nope", 1.0))) {
            supply.prepare(2);
            assertThatThrownBy(() -> supply.take(2)).hasMessageContaining("'nope'");
        }
    }
}
