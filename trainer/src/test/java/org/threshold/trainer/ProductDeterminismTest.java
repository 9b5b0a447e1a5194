package org.threshold.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.trainer.fixtures.ListOpsRuns;
import org.threshold.trainer.fixtures.TestRuns;

/** The product's learner on CPU: the same config gives the same metrics, and a resumed run the uninterrupted run's. */
class ProductDeterminismTest {

    @TempDir
    Path output;

    private final Trainer trainer = new Trainer(AdamLearner::new);

    @Test
    void theSameConfigAndSeedGiveIdenticalMetricsApartFromTimings() {
        trainer.run(ListOpsRuns.plan(output, "first", 60, 20, 1_000), TrainingListener.NONE, "x");
        trainer.run(ListOpsRuns.plan(output, "second", 60, 20, 1_000), TrainingListener.NONE, "x");
        assertThat(TestRuns.science(output.resolve("second/metrics.jsonl")))
                .isEqualTo(TestRuns.science(output.resolve("first/metrics.jsonl"))).hasSize(3);
    }

    @Test
    void aRunStoppedMidwayResumesWithTheSameAdamStateAndDataOrder() {
        trainer.run(ListOpsRuns.plan(output, "whole", 60, 20, 25), TrainingListener.NONE, "x");
        TrainingListener stopAt33 = new TrainingListener() {
            @Override
            public void stepped(long step, double loss) {
                if (step == 33) {
                    throw new IllegalStateException("stopped at 33");
                }
            }
        };
        assertThatThrownBy(() -> trainer.run(ListOpsRuns.plan(output, "cut", 60, 20, 25), stopAt33, "x"))
                .hasMessage("stopped at 33");
        RunOutcome resumed = trainer.run(ListOpsRuns.plan(output, "cut", 60, 20, 25), TrainingListener.NONE, "x");
        assertThat(resumed.resumedFrom()).hasValue(25);
        assertThat(TestRuns.science(output.resolve("cut/metrics.jsonl"))).isEqualTo(TestRuns.science(output.resolve("whole/metrics.jsonl")));
    }
}
