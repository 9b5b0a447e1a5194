package org.threshold.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.trainer.fixtures.ListOpsRuns;

/**
 * The product learns: a tiny GPT (d=32, 2 layers) trained by the real learner on ListOps MAX mod
 * 10 (one node of 2-3 operands, chain of thought) answers more than 90% of the held-out
 * equations right after 200 steps, far above the rate of the most frequent answer.
 */
class LearningTest {

    @TempDir
    Path output;

    @Test
    void aTinyGptLearnsListOpsMaxAboveNinetyPercent() {
        RunOutcome outcome = new Trainer(AdamLearner::new).run(ListOpsRuns.plan(output, "learning", 200, 50, 1_000),
                TrainingListener.NONE, "threshold run config.yaml");
        var result = outcome.result();
        assertThat(result.testAccuracy().orElseThrow()).isGreaterThan(0.9);
        assertThat(result.metrics().get("accuracy.MAX")).isGreaterThan(0.9);
        assertThat(result.figures().get("chance")).isLessThan(0.6);
        var first = outcome.directory().metrics().read().get(0);
        assertThat(first.trainLoss()).isGreaterThan(result.trainLoss().orElseThrow());
    }
}
