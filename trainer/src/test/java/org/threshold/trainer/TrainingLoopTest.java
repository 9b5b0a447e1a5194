package org.threshold.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.api.model.Model;
import org.threshold.runs.Json;
import org.threshold.runs.run.EvaluationRecord;
import org.threshold.runs.run.Provenance;
import org.threshold.runs.run.RunDirectory;
import org.threshold.runs.run.RunResult;
import org.threshold.runs.run.StopReason;
import org.threshold.trainer.checkpoint.Checkpoints;
import org.threshold.trainer.fixtures.FixedMixture;
import org.threshold.trainer.fixtures.MomentumLearner;
import org.threshold.trainer.fixtures.ScriptedLosses;
import org.threshold.trainer.fixtures.TestRuns;
import org.threshold.trainer.fixtures.TwoStages;
import org.threshold.trainer.fixtures.WithBenchmark;

class TrainingLoopTest {

    @TempDir
    Path output;

    private static final class Killed extends RuntimeException {
        Killed(long step) {
            super("killed at step " + step);
        }
    }

    private static Provenance provenance() {
        return new Provenance("test", "17", "0.35.1", "PyTorch", "test os", "cpu()", 1, Optional.empty(), "2025-01-01T00:00:00Z",
                Optional.empty(), List.of());
    }

    static RunOutcome train(RunPlan plan, TrainingListener listener) {
        RunDirectory directory = RunDirectory.under(Path.of(plan.runtime().output()), plan.identity());
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
             MomentumLearner learner = new MomentumLearner(plan, manager)) {
            return new TrainingLoop(plan, directory, learner, listener, "threshold run config.yaml", provenance()).run();
        }
    }

    /** Stops the run (as a kill would) right after the step given. */
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

    private RunPlan plan(String id, int steps, int checkpointEvery) {
        return TestRuns.plan(output, id, TestRuns.training(steps, 20, 0.5, TestRuns.noStopping()), checkpointEvery);
    }

    @Test
    void aRunRecordsEveryEvaluationAndEndsWithItsResult() throws IOException {
        RunOutcome outcome = train(plan("run", 50, 20), TrainingListener.NONE);
        RunDirectory dir = outcome.directory();
        assertThat(outcome.trainedNow()).isTrue();
        assertThat(dir.path()).isEqualTo(output.resolve("run"));
        assertThat(Files.readString(dir.config())).contains("seed: 3");
        assertThat(Files.readString(dir.command())).isEqualTo("threshold run config.yaml\n");
        List<EvaluationRecord> records = dir.metrics().read();
        assertThat(records).extracting(EvaluationRecord::step).containsExactly(20L, 40L, 50L); // and after the last step
        EvaluationRecord last = records.get(2);
        assertThat(last.metrics()).containsKeys("accuracy", "exact_match", "accuracy.copy", "accuracy.reverse", "accuracy.train");
        assertThat(last.weights()).containsOnlyKeys("copy", "reverse");
        RunResult result = dir.readResult().orElseThrow();
        assertThat(result).isEqualTo(outcome.result());
        assertThat(result.finished()).isTrue();
        assertThat(result.stopReason()).isEqualTo(StopReason.STEPS);
        assertThat(result.steps()).isEqualTo(50);
        assertThat(result.testAccuracy()).hasValue(last.metrics().get("accuracy"));
        assertThat(result.metrics()).isEqualTo(last.metrics());
        assertThat(result.trainLoss()).hasValue(last.trainLoss());
        assertThat(result.parameters()).isEqualTo(2L * 12 * 8);
        assertThat(result.figures()).containsKey("chance");
        assertThat(dir.readProvenance().orElseThrow().finished()).isPresent();
        assertThat(new Checkpoints(dir.checkpoints(), 2).steps()).containsExactly(40L, 50L);
    }

    /** A model that says one of its two matrices is the other's, tied (SPEC section 9 counts it once). */
    private static Model tiedCounting(Model bigram, long tied) {
        return new Model() {
            @Override
            public Block block() {
                return bigram.block();
            }

            @Override
            public void initialize(NDManager manager, long seed) {
                bigram.initialize(manager, seed);
            }

            @Override
            public long parameterCount() {
                return bigram.parameterCount();
            }

            @Override
            public long uniqueParameterCount() {
                return bigram.parameterCount() - tied;
            }

            @Override
            public String summary() {
                return bigram.summary();
            }
        };
    }

    @Test
    void resultJsonHasTheModelsUniqueParameterCountBesideItsCount() throws IOException {
        RunPlan p = plan("unique", 10, 10);
        RunPlan tied = new RunPlan(p.name(), p.seed(), p.initSeed(), p.metric(), p.task(), tiedCounting(p.model(), 12 * 8),
                p.curriculum(), p.training(), p.runtime(), p.probes(), p.resolvedYaml(), p.identity());
        RunOutcome outcome = train(tied, TrainingListener.NONE);
        assertThat(outcome.result().parameters()).isEqualTo(2L * 12 * 8);
        assertThat(outcome.result().uniqueParameters()).isEqualTo(12L * 8);
        String json = Files.readString(outcome.directory().result());
        assertThat(Json.parse(json).get("unique_parameters").getAsLong()).isEqualTo(96);
        assertThat(Json.parse(json).get("parameters").getAsLong()).isEqualTo(192);
    }

    @Test
    void trainingLowersTheLoss() {
        List<Double> losses = new ArrayList<>();
        train(plan("run", 60, 100), new TrainingListener() {
            @Override
            public void stepped(long step, double loss) {
                losses.add(loss);
            }
        });
        assertThat(losses.get(losses.size() - 1)).isLessThan(losses.get(0) * 0.8);
    }

    @Test
    void aFinishedRunIsNotTrainedAgain() {
        RunOutcome first = train(plan("run", 30, 20), TrainingListener.NONE);
        List<Long> steps = new ArrayList<>();
        RunOutcome second = train(plan("run", 30, 20), new TrainingListener() {
            @Override
            public void stepped(long step, double loss) {
                steps.add(step);
            }
        });
        assertThat(second.trainedNow()).isFalse();
        assertThat(second.result()).isEqualTo(first.result());
        assertThat(steps).isEmpty();
    }

    @Test
    void theSameConfigGivesTheSameMetricsApartFromTimings() {
        train(plan("a", 60, 25), TrainingListener.NONE);
        train(plan("b", 60, 25), TrainingListener.NONE);
        assertThat(TestRuns.science(output.resolve("b/metrics.jsonl"))).isEqualTo(TestRuns.science(output.resolve("a/metrics.jsonl")))
                .hasSize(3);
    }

    @Test
    void aRunStoppedBetweenCheckpointsResumesToTheSameMetricsAsAnUninterruptedRun() {
        train(plan("whole", 70, 25), TrainingListener.NONE);
        // checkpoints at 25 and 50; killed at step 57, after the evaluation at 40 and before the one at 60
        assertThatThrownBy(() -> train(plan("interrupted", 70, 25), killAfter(56))).isInstanceOf(Killed.class);
        RunDirectory interrupted = RunDirectory.under(output, "interrupted");
        assertThat(interrupted.readResult()).isEmpty();
        RunOutcome resumed = train(plan("interrupted", 70, 25), TrainingListener.NONE);
        assertThat(resumed.resumedFrom()).hasValue(50);
        assertThat(TestRuns.science(interrupted.metrics().file())).isEqualTo(TestRuns.science(output.resolve("whole/metrics.jsonl")));
        RunResult whole = RunDirectory.under(output, "whole").readResult().orElseThrow();
        assertThat(resumed.result().metrics()).isEqualTo(whole.metrics());
        assertThat(interrupted.readProvenance().orElseThrow().resumed()).extracting(Provenance.Resumption::step).containsExactly(50L);
    }

    @Test
    void aResumedRunCarriesTheCurriculumsStageAndTheLossMeanInProgress() {
        // the stage switches at the evaluation of step 20; the checkpoint at 30 falls between evaluations
        var training = TestRuns.training(50, 20, 0.5, TestRuns.noStopping());
        train(TestRuns.plan(output, "whole", training, 30, new TwoStages(20)), TrainingListener.NONE);
        assertThatThrownBy(() -> train(TestRuns.plan(output, "cut", training, 30, new TwoStages(20)), killAfter(35)))
                .isInstanceOf(Killed.class);
        train(TestRuns.plan(output, "cut", training, 30, new TwoStages(20)), TrainingListener.NONE);
        List<String> whole = TestRuns.science(output.resolve("whole/metrics.jsonl"));
        assertThat(TestRuns.science(output.resolve("cut/metrics.jsonl"))).isEqualTo(whole);
        var stages = RunDirectory.under(output, "whole").metrics().read().stream().map(r -> r.stage().name()).toList();
        assertThat(stages).containsExactly("copy", "reverse", "reverse");
    }

    @Test
    void aDivergingLossStopsTheRunWithAMessageNamingTheStepAndWhatToChange() throws IOException {
        RunPlan exploding = TestRuns.plan(output, "nan", TestRuns.training(200, 20, 1e6, TestRuns.noStopping()), 5);
        RunOutcome outcome = train(exploding, TrainingListener.NONE);
        RunResult result = outcome.result();
        assertThat(result.finished()).isFalse();
        assertThat(result.stopReason()).isEqualTo(StopReason.NON_FINITE_LOSS);
        assertThat(result.message()).contains("at step " + result.steps()).contains("training.lr");
        assertThat(result.steps()).isLessThan(200);
        var json = Json.parse(Files.readString(outcome.directory().result()));
        assertThat(json.get("status").getAsString()).isEqualTo("failed");
        List<Long> kept = new Checkpoints(outcome.directory().checkpoints(), 2).steps();
        kept.forEach(step -> assertThat(step).isLessThan(result.steps()));
        if (result.steps() > 5) {
            assertThat(kept).isNotEmpty();
            assertThat(result.message()).contains("checkpoint of step " + kept.get(kept.size() - 1));
        }
    }

    @Test
    void aLossAlreadyHugeBeforeItTurnsNaNNeitherPrunesNorPassesForTheLastGoodCheckpoint() throws IOException {
        // 0.5 until step 10, 6e9 from 11 on, NaN at 21; checkpoints every 5 steps, no evaluation before 100
        RunPlan plan = TestRuns.plan(output, "huge", TestRuns.training(100, 100, 0.5, TestRuns.noStopping()), 5);
        RunDirectory directory = RunDirectory.under(output, "huge");
        RunResult result;
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
             ScriptedLosses learner = new ScriptedLosses(new MomentumLearner(plan, manager),
                     s -> s <= 10 ? 0.5 : s <= 20 ? 6e9 : Double.NaN)) {
            result = new TrainingLoop(plan, directory, learner, TrainingListener.NONE, "threshold run config.yaml", provenance()).run()
                    .result();
        }
        int v = plan.task().vocabulary().size();
        assertThat(result.stopReason()).isEqualTo(StopReason.NON_FINITE_LOSS);
        // the good checkpoint of step 10 survives the two diverged ones after it
        assertThat(new Checkpoints(directory.checkpoints(), 2).steps()).containsExactly(10L, 15L, 20L);
        assertThat(result.message()).isEqualTo(String.format(java.util.Locale.ROOT,
                "the training loss became NaN at step 21 (learning rate 0.500); lower training.lr (now 0.5) or lengthen training.warmup "
                        + "(now 0 steps), and check gradient clipping (training.clip is 1.0); the checkpoint of step 10 is kept in %s; "
                        + "the newer ones, of steps 15 and 20, had mean training losses of 2.00e+09 and 3.00e+09 already, above "
                        + "ln %d = %.3g, the loss of guessing uniformly: do not go back to them",
                directory.checkpoints(), v, Math.log(v)));
    }

    @Test
    void earlyStoppingEndsTheRunAndItsLastCheckpointRemembersIt() throws IOException {
        // min_delta 10: every change counts as quiet, so the second evaluation after step 0 stops the run
        var stopping = new TrainingConfig.EarlyStopping(true, 0, 10.0, 2);
        RunOutcome outcome = train(TestRuns.plan(output, "stop", TestRuns.training(200, 10, 0.5, stopping), 1000),
                TrainingListener.NONE);
        assertThat(outcome.result().stopReason()).isEqualTo(StopReason.EARLY_STOPPING);
        assertThat(outcome.result().steps()).isEqualTo(30); // evaluation 1 has no previous loss; 2 and 3 are quiet
        var last = new Checkpoints(outcome.directory().checkpoints(), 2).latest().orElseThrow();
        assertThat(last.step()).isEqualTo(30);
        assertThat(last.state().ended()).contains(StopReason.EARLY_STOPPING);
    }

    @Test
    void aFinalOnlySetIsScoredByTheLastEvaluationAloneAndItsMetricsAreInTheResult() {
        var training = TestRuns.training(50, 20, 0.5, TestRuns.noStopping());
        RunOutcome outcome = train(TestRuns.plan(output, "bench", training, 20,
                new FixedMixture(Map.of("copy", 1.0, "reverse", 1.0)), new WithBenchmark(TestRuns.task())), TrainingListener.NONE);
        List<EvaluationRecord> records = outcome.directory().metrics().read();
        assertThat(records).extracting(EvaluationRecord::step).containsExactly(20L, 40L, 50L);
        assertThat(records.get(0).metrics()).doesNotContainKeys("accuracy.benchmark", "exact_match.benchmark");
        assertThat(records.get(1).metrics()).doesNotContainKeys("accuracy.benchmark", "exact_match.benchmark");
        EvaluationRecord last = records.get(2);
        assertThat(last.metrics()).containsKeys("accuracy.benchmark", "exact_match.benchmark");
        assertThat(last.metrics().get("accuracy.benchmark")).as("the same prompts as the headline set")
                .isEqualTo(last.metrics().get("accuracy"));
        assertThat(outcome.result().metrics()).isEqualTo(last.metrics());
    }

    @Test
    void anEarlyStoppedRunScoresTheFinalOnlySetAtTheEvaluationThatStopsIt() {
        var stopping = new TrainingConfig.EarlyStopping(true, 0, 10.0, 2);
        RunOutcome outcome = train(TestRuns.plan(output, "stop-bench", TestRuns.training(200, 10, 0.5, stopping), 1000,
                new FixedMixture(Map.of("copy", 1.0, "reverse", 1.0)), new WithBenchmark(TestRuns.task())), TrainingListener.NONE);
        assertThat(outcome.result().stopReason()).isEqualTo(StopReason.EARLY_STOPPING);
        List<EvaluationRecord> records = outcome.directory().metrics().read();
        assertThat(records).extracting(EvaluationRecord::step).containsExactly(10L, 20L, 30L);
        assertThat(records).extracting(r -> r.metrics().containsKey("accuracy.benchmark")).containsExactly(false, false, true);
        assertThat(outcome.result().metrics()).containsKey("accuracy.benchmark");
    }

    @Test
    void aWarmStartBeginsFromAnotherRunsWeights() {
        train(plan("teacher", 80, 40), TrainingListener.NONE);
        List<Double> fresh = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        var training = TestRuns.training(1, 20, 0.5, TestRuns.noStopping());
        train(TestRuns.plan(output, "fresh", training, 10), recordLoss(fresh));
        Path teacher = output.resolve("teacher");
        train(TestRuns.plan(output, "warm", training, 10, new WarmStart(teacher)), recordLoss(warm));
        assertThat(warm.get(0)).isLessThan(fresh.get(0));
    }

    private static TrainingListener recordLoss(List<Double> losses) {
        return new TrainingListener() {
            @Override
            public void stepped(long step, double loss) {
                losses.add(loss);
            }
        };
    }

    private record WarmStart(Path from) implements org.threshold.api.curriculum.Curriculum {
        @Override
        public java.util.Map<String, Double> weights(long step) {
            return java.util.Map.of("copy", 1.0, "reverse", 1.0);
        }

        @Override
        public Optional<Path> startFrom() {
            return Optional.of(from);
        }
    }
}
