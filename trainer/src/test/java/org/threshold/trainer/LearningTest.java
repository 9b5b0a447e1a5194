package org.threshold.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.api.model.RecomputingGreedyDecoder;
import org.threshold.trainer.evaluation.Evaluator;
import org.threshold.trainer.evaluation.ModelDecoder;
import org.threshold.trainer.fixtures.BigramModel;
import org.threshold.trainer.fixtures.FixedMixture;
import org.threshold.trainer.fixtures.LetterCodeTask;
import org.threshold.trainer.fixtures.ListOpsRuns;
import org.threshold.trainer.fixtures.TestRuns;

/**
 * The product learns: a tiny GPT (d=32, 2 layers) trained by the real learner on ListOps MAX mod
 * 10 (one node of 2-3 operands, chain of thought) answers more than 90% of the held-out
 * equations right after 200 steps, far above the rate of the most frequent answer. A model written
 * outside the models module learns too, decoded by the model SPI's default greedy decoder.
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

    @Test
    void aModelFromOutsideTheModelsModuleLearnsAndIsDecodedByTheDefaultGreedyDecoder() {
        LetterCodeTask task = new LetterCodeTask();
        int vocabulary = task.vocabulary().size();
        double before;
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            BigramModel untrained = new BigramModel(vocabulary, 8);
            untrained.initialize(manager, 5);
            // the bigram model has no decoder of its own: the SPI's default decodes it
            assertThat(untrained.greedyDecoder(manager, task.contextLength())).isInstanceOf(RecomputingGreedyDecoder.class);
            before = new Evaluator(task).evaluate(new ModelDecoder(untrained, manager, task.contextLength(), task.stopToken()))
                    .get("accuracy");
        }
        RunPlan plan = new RunPlan("letter-code", 3, 5, "accuracy", task, new BigramModel(vocabulary, 8),
                new FixedMixture(Map.of("code", 1.0)), TestRuns.training(300, 100, 0.05, TestRuns.noStopping()),
                new RuntimeConfig("cpu", 1, output.toString(), 1_000), List.of(), "# a letter-code run\n", "letter-code");
        RunOutcome outcome = new Trainer(AdamLearner::new).run(plan, TrainingListener.NONE, "threshold run config.yaml");

        // 20 prompts: at chance (1/20) two right answers are already unlikely; trained, every one is right
        assertThat(before).isLessThanOrEqualTo(0.1);
        assertThat(outcome.result().testAccuracy()).hasValue(1.0);
    }
}
