package org.threshold.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.curriculum.Curriculum;
import org.threshold.api.task.Task;
import org.threshold.runs.Json;
import org.threshold.runs.run.EvaluationRecord;
import org.threshold.runs.run.RunDirectory;
import org.threshold.runs.run.RunResult;
import org.threshold.runs.run.StopReason;
import org.threshold.testkit.ContractCurriculumContext;
import org.threshold.trainer.checkpoint.Checkpoints;
import org.threshold.trainer.fixtures.BigramModel;
import org.threshold.trainer.fixtures.FixedMixture;
import org.threshold.trainer.fixtures.ListOpsRuns;
import org.threshold.trainer.fixtures.SequenceTask;
import org.threshold.trainer.fixtures.TestRuns;
import org.threshold.trainer.fixtures.WithBenchmark;

/**
 * {@code training.stop_at}: a run ends at the first evaluation, in its last curriculum stage, whose
 * metric reaches the target, with stop reason {@code target}; a run resumed from a checkpoint ends
 * where the uninterrupted one does, and one that already reached its target trains no further.
 */
class StopAtTargetTest {

    @TempDir
    Path output;

    private static final class Killed extends RuntimeException {
        Killed(long step) {
            super("killed at step " + step);
        }
    }

    private static TrainingListener killAfter(long step) {
        return new TrainingListener() {
            @Override
            public void stepped(long s, double loss) {
                if (s == step + 1) {
                    throw new Killed(s);
                }
            }
        };
    }

    private static TrainingConfig training(int steps, int evalEvery, Optional<TrainingConfig.StopAt> target) {
        TrainingConfig t = TestRuns.training(steps, evalEvery, 0.5, TestRuns.noStopping());
        return target.map(t::withStopAt).orElse(t);
    }

    /** The copy/reverse task with 40 test prompts per component, so that accuracies move in small steps. */
    private RunPlan plan(String identity, TrainingConfig training, int checkpointEvery, Curriculum curriculum, Task task) {
        return new RunPlan("test", 3, 5, "accuracy", task, new BigramModel(task.vocabulary().size(), 8), curriculum, training,
                new RuntimeConfig("cpu", 1, output.toString(), checkpointEvery), List.of(), "seed: 3\n", identity);
    }

    private RunPlan plan(String identity, TrainingConfig training, int checkpointEvery) {
        return plan(identity, training, checkpointEvery, new FixedMixture(Map.of("copy", 1.0, "reverse", 1.0)),
                new SequenceTask(3, 3, 60, 40, 1.0));
    }

    private List<EvaluationRecord> records(String identity) {
        return RunDirectory.under(output, identity).metrics().read();
    }

    /** A staged curriculum bound from YAML for the copy/reverse task, as a run file's section is. */
    private static Curriculum curriculum(String yaml) {
        ConfigDocument doc = ConfigDocument.parse(yaml, "run.yaml");
        Map<String, Double> components = new LinkedHashMap<>();
        components.put("copy", 1.0);
        components.put("reverse", 1.0);
        Curriculum c = new ContractCurriculumContext(components).create(doc.root());
        doc.check();
        return c;
    }

    // ---- a real model ------------------------------------------------------------------------

    @Test
    void aTinyGptStopsAtTheFirstEvaluationThatReachesItsTargetWithStopReasonTarget() throws IOException {
        // LearningTest: above 90% after 200 steps; planned for 2,000, the run must end long before
        TrainingConfig training = ListOpsRuns.training(2_000, 25).withStopAt(new TrainingConfig.StopAt("accuracy", 0.9));
        RunOutcome outcome = new Trainer(AdamLearner::new).run(ListOpsRuns.plan(output, "target", training, 1_000),
                TrainingListener.NONE, "threshold run config.yaml");

        RunResult result = outcome.result();
        assertThat(result.finished()).isTrue();
        assertThat(result.stopReason()).isEqualTo(StopReason.TARGET);
        assertThat(result.plannedSteps()).isEqualTo(2_000);
        assertThat(result.steps()).isLessThan(2_000).isEqualTo(outcome.directory().metrics().read().size() * 25L);
        List<EvaluationRecord> records = outcome.directory().metrics().read();
        EvaluationRecord last = records.get(records.size() - 1);
        assertThat(last.step()).isEqualTo(result.steps());
        assertThat(last.metrics().get("accuracy")).isGreaterThanOrEqualTo(0.9);
        assertThat(records.subList(0, records.size() - 1)).as("no earlier evaluation reached it")
                .allSatisfy(r -> assertThat(r.metrics().get("accuracy")).isLessThan(0.9));
        assertThat(result.testAccuracy()).hasValue(last.metrics().get("accuracy"));
        assertThat(result.message()).isEqualTo(String.format(Locale.ROOT,
                "accuracy reached %.4f at step %d, at least the target 0.9 (training.stop_at)", last.metrics().get("accuracy"),
                result.steps()));
        assertThat(Json.parse(Files.readString(outcome.directory().result())).get("stop_reason").getAsString()).isEqualTo("target");
        var checkpoint = new Checkpoints(outcome.directory().checkpoints(), 2).latest().orElseThrow();
        assertThat(checkpoint.step()).isEqualTo(result.steps());
        assertThat(checkpoint.state().ended()).contains(StopReason.TARGET);
    }

    // ---- the rule ----------------------------------------------------------------------------

    @Test
    void theRunEndsAtTheFirstEvaluationAtOrAboveTheTargetAndTrainsAsWithoutOneUntilThen() {
        TrainingLoopTest.train(plan("reference", training(200, 10, Optional.empty()), 1_000), TrainingListener.NONE);
        List<EvaluationRecord> reference = records("reference");
        // a target the first evaluation misses and a later one reaches: that later one ends the run
        double value = reference.stream().limit(8).mapToDouble(r -> r.metrics().get("accuracy")).max().orElseThrow();
        int firing = 0;
        while (reference.get(firing).metrics().get("accuracy") < value) {
            firing++;
        }
        assertThat(firing).as("a target the first evaluation does not reach, so that the test can tell").isPositive();

        RunOutcome outcome = TrainingLoopTest.train(plan("target",
                training(200, 10, Optional.of(new TrainingConfig.StopAt("accuracy", value))), 1_000), TrainingListener.NONE);
        assertThat(outcome.result().stopReason()).isEqualTo(StopReason.TARGET);
        assertThat(outcome.result().steps()).isEqualTo(reference.get(firing).step());
        assertThat(TestRuns.science(RunDirectory.under(output, "target").metrics().file()))
                .isEqualTo(TestRuns.science(RunDirectory.under(output, "reference").metrics().file()).subList(0, firing + 1));
    }

    @Test
    void aStagedRunWhoseFirstStageReachesTheTargetGoesOnToItsLastStage() {
        String staged = """
                type: staged
                stages:
                  - {curriculum: {type: constant, weights: [copy]}, until: {step: 50}}
                  - curriculum: {type: constant, weights: [copy, reverse]}
                """;
        TrainingLoopTest.train(plan("reference", training(200, 10, Optional.empty()), 1_000, curriculum(staged),
                new SequenceTask(3, 3, 60, 40, 1.0)), TrainingListener.NONE);
        List<EvaluationRecord> reference = records("reference");
        double value = reference.stream().filter(r -> !r.stage().last()).mapToDouble(r -> r.metrics().get("accuracy.copy"))
                .max().orElseThrow();
        assertThat(value).as("the first stage, copy alone, scores some copies right").isPositive();
        EvaluationRecord expected = reference.stream().filter(r -> r.stage().last() && r.metrics().get("accuracy.copy") >= value)
                .findFirst().orElseThrow(() -> new AssertionError("the last stage reaches it too, or the test cannot tell"));

        RunOutcome outcome = TrainingLoopTest.train(plan("target",
                training(200, 10, Optional.of(new TrainingConfig.StopAt("accuracy.copy", value))), 1_000, curriculum(staged),
                new SequenceTask(3, 3, 60, 40, 1.0)), TrainingListener.NONE);
        List<EvaluationRecord> records = records("target");
        assertThat(records).filteredOn(r -> !r.stage().last()).as("evaluations of the first stage at the target, not stopped")
                .anySatisfy(r -> assertThat(r.metrics().get("accuracy.copy")).isGreaterThanOrEqualTo(value));
        assertThat(outcome.result().stopReason()).isEqualTo(StopReason.TARGET);
        assertThat(outcome.result().steps()).isEqualTo(expected.step()).isGreaterThan(50);
        assertThat(records.get(records.size() - 1).stage().last()).isTrue();
    }

    @Test
    void theEvaluationThatReachesTheTargetAlsoScoresTheFinalOnlySets() {
        // value 0: the first evaluation reaches it
        RunOutcome outcome = TrainingLoopTest.train(plan("bench", training(200, 10,
                        Optional.of(new TrainingConfig.StopAt("accuracy", 0))), 1_000, new FixedMixture(Map.of("copy", 1.0, "reverse", 1.0)),
                new WithBenchmark(TestRuns.task())), TrainingListener.NONE);
        assertThat(outcome.result().stopReason()).isEqualTo(StopReason.TARGET);
        assertThat(outcome.result().steps()).isEqualTo(10);
        List<EvaluationRecord> records = records("bench");
        assertThat(records).hasSize(1);
        assertThat(new ArrayList<>(records.get(0).metrics().keySet())).as("in the order of a last evaluation's metrics")
                .containsExactly("accuracy", "exact_match", "accuracy.copy", "exact_match.copy", "accuracy.reverse",
                        "exact_match.reverse", "accuracy.train", "exact_match.train", "accuracy.benchmark", "exact_match.benchmark");
        assertThat(records.get(0).metrics().get("accuracy.benchmark")).as("the headline set's prompts")
                .isEqualTo(records.get(0).metrics().get("accuracy"));
        assertThat(outcome.result().metrics()).isEqualTo(records.get(0).metrics());
    }

    // ---- resuming ----------------------------------------------------------------------------

    @Test
    void aRunKilledBeforeItsTargetResumesAndEndsWhereTheUninterruptedRunEnds() {
        TrainingLoopTest.train(plan("reference", training(200, 10, Optional.empty()), 1_000), TrainingListener.NONE);
        List<EvaluationRecord> reference = records("reference");
        double value = reference.stream().limit(8).mapToDouble(r -> r.metrics().get("accuracy")).max().orElseThrow();
        long ends = reference.stream().filter(r -> r.metrics().get("accuracy") >= value).findFirst().orElseThrow().step();
        assertThat(ends).as("a checkpoint before the target, to resume from").isGreaterThan(20);
        TrainingConfig training = training(200, 10, Optional.of(new TrainingConfig.StopAt("accuracy", value)));

        RunOutcome whole = TrainingLoopTest.train(plan("whole", training, 20), TrainingListener.NONE);
        assertThatThrownBy(() -> TrainingLoopTest.train(plan("cut", training, 20), killAfter(ends - 1))).isInstanceOf(Killed.class);
        RunOutcome resumed = TrainingLoopTest.train(plan("cut", training, 20), TrainingListener.NONE);
        assertThat(resumed.resumedFrom()).hasValue((ends - 1) / 20 * 20);
        assertThat(resumed.result().stopReason()).isEqualTo(StopReason.TARGET);
        assertThat(resumed.result().steps()).isEqualTo(whole.result().steps()).isEqualTo(ends);
        assertThat(TestRuns.science(output.resolve("cut/metrics.jsonl"))).isEqualTo(TestRuns.science(output.resolve("whole/metrics.jsonl")));
    }

    @Test
    void aRunThatReachedItsTargetDoesNotTrainOnWhenResumedFromItsLastCheckpoint() throws IOException {
        TrainingConfig training = training(200, 10, Optional.of(new TrainingConfig.StopAt("accuracy", 0)));
        RunOutcome first = TrainingLoopTest.train(plan("ended", training, 1_000), TrainingListener.NONE);
        assertThat(first.result().steps()).isEqualTo(10);
        List<String> lines = TestRuns.science(first.directory().metrics().file());
        // as a kill between the final checkpoint and result.json leaves the run
        Files.delete(first.directory().result());

        List<Long> trained = new ArrayList<>();
        RunOutcome again = TrainingLoopTest.train(plan("ended", training, 1_000), new TrainingListener() {
            @Override
            public void stepped(long step, double loss) {
                trained.add(step);
            }
        });
        assertThat(trained).isEmpty();
        assertThat(again.resumedFrom()).hasValue(10);
        assertThat(again.result().stopReason()).isEqualTo(StopReason.TARGET);
        assertThat(again.result().steps()).isEqualTo(10);
        assertThat(again.result().message()).isEqualTo(first.result().message());
        assertThat(again.result().metrics()).isEqualTo(first.result().metrics());
        assertThat(TestRuns.science(first.directory().metrics().file())).isEqualTo(lines);
    }

    // ---- metrics no evaluation reports -------------------------------------------------------

    @Test
    void aTargetMetricNoEvaluationReportsIsRefusedBeforeAnythingIsWritten() {
        TrainingConfig training = training(200, 10, Optional.of(new TrainingConfig.StopAt("acuracy", 0.9)));
        assertThatThrownBy(() -> TrainingLoopTest.train(plan("unknown", training, 1_000), TrainingListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("training.stop_at.metric: expected one of the metrics every evaluation reports (accuracy, exact_match,"
                        + " accuracy.copy, exact_match.copy, accuracy.reverse, exact_match.reverse, accuracy.train, exact_match.train),"
                        + " found 'acuracy'");
        assertThat(output.resolve("unknown")).doesNotExist();
    }

    @Test
    void aTargetOnAFinalOnlySetIsRefusedSinceOnlyTheLastEvaluationScoresIt() {
        TrainingConfig training = training(200, 10, Optional.of(new TrainingConfig.StopAt("accuracy.benchmark", 0.9)));
        assertThatThrownBy(() -> TrainingLoopTest.train(plan("final-only", training, 1_000,
                new FixedMixture(Map.of("copy", 1.0, "reverse", 1.0)), new WithBenchmark(TestRuns.task())), TrainingListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("training.stop_at.metric: expected one of the metrics every evaluation reports (accuracy,")
                .hasMessageEndingWith("found 'accuracy.benchmark', which only the run's last evaluation reports (its test set is"
                        + " final-only), so no evaluation before the end could reach it");
        assertThat(output.resolve("final-only")).doesNotExist();
    }
}
