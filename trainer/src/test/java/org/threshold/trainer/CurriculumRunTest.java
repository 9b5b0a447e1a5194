package org.threshold.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.curriculum.Curriculum;
import org.threshold.api.curriculum.Stage;
import org.threshold.runs.Json;
import org.threshold.runs.run.EvaluationRecord;
import org.threshold.runs.run.Provenance;
import org.threshold.runs.run.RunDirectory;
import org.threshold.testkit.ContractCurriculumContext;
import org.threshold.trainer.evaluation.Decoder;
import org.threshold.trainer.fixtures.BigramModel;
import org.threshold.trainer.fixtures.FixedMixture;
import org.threshold.trainer.fixtures.MomentumLearner;
import org.threshold.trainer.fixtures.SequenceTask;
import org.threshold.trainer.fixtures.TestRuns;
import org.threshold.trainer.sampling.Batch;

/**
 * Curricula through the real training loop (copy/reverse task, bigram model, SGD with momentum):
 * staged conditions fire at the evaluation where they hold and metrics.jsonl says so; a run
 * resumed mid-stage continues exactly; a warm start begins from the source run's exact weights,
 * and never overrides a run's own checkpoint.
 */
class CurriculumRunTest {

    @TempDir
    Path output;

    private static final class Killed extends RuntimeException {
        Killed(long step) {
            super("killed at step " + step);
        }
    }

    /** A curriculum bound from YAML for the copy/reverse task, as a run file's section is. */
    private static Curriculum curriculum(String yaml) {
        ConfigDocument doc = ConfigDocument.parse(yaml, "run.yaml");
        Map<String, Double> components = new LinkedHashMap<>();
        components.put("copy", 1.0);
        components.put("reverse", 1.0);
        ContractCurriculumContext context = new ContractCurriculumContext(components);
        Curriculum c = context.create(doc.root());
        doc.check();
        return c;
    }

    /** A run on a task with 40 test prompts per component, so that accuracies move in small steps. */
    private RunPlan finerPlan(String identity, int steps, int evalEvery, Curriculum curriculum) {
        SequenceTask task = new SequenceTask(3, 3, 60, 40, 1.0);
        return new RunPlan("test", 3, 5, "accuracy", task, new BigramModel(task.vocabulary().size(), 8), curriculum,
                TestRuns.training(steps, evalEvery, 0.5, TestRuns.noStopping()), new RuntimeConfig("cpu", 1, output.toString(), 1000),
                List.of(), "seed: 3\n", identity);
    }

    private RunPlan plan(String identity, int steps, int evalEvery, int checkpointEvery, Curriculum curriculum) {
        return TestRuns.plan(output, identity, TestRuns.training(steps, evalEvery, 0.5, TestRuns.noStopping()), checkpointEvery,
                curriculum);
    }

    private static RunOutcome train(RunPlan plan, TrainingListener listener) {
        return train(plan, listener, new ArrayList<>());
    }

    /** Trains {@code plan}; {@code firstWeights} receives the model's parameters as the first step sees them. */
    private static RunOutcome train(RunPlan plan, TrainingListener listener, List<byte[]> firstWeights) {
        RunDirectory directory = RunDirectory.under(Path.of(plan.runtime().output()), plan.identity());
        Provenance provenance = new Provenance("test", "17", "0.35.1", "PyTorch", "test os", "cpu()", 1, Optional.empty(),
                "2025-01-01T00:00:00Z", Optional.empty(), List.of());
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
             MomentumLearner learner = new MomentumLearner(plan, manager)) {
            Learner watched = new FirstWeights(learner, firstWeights);
            return new TrainingLoop(plan, directory, watched, listener, "threshold run config.yaml", provenance).run();
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

    private List<EvaluationRecord> records(String identity) {
        return RunDirectory.under(output, identity).metrics().read();
    }

    // ---- staged ----------------------------------------------------------------------------

    @Test
    void anAccuracyConditionFiresAtTheFirstEvaluationWhereItHoldsAndMetricsJsonlSaysSo() throws IOException {
        // Until the condition fires the staged run trains exactly as copy alone does, so the reference
        // run's accuracies say at which evaluation the condition must fire.
        train(finerPlan("copy-only", 100, 10, new FixedMixture(Map.of("copy", 1.0))), TrainingListener.NONE);
        List<EvaluationRecord> reference = records("copy-only");
        double threshold = reference.stream().limit(6).mapToDouble(r -> r.metrics().get("accuracy.copy")).max().orElseThrow();
        int firing = 0;
        while (reference.get(firing).metrics().get("accuracy.copy") < threshold) {
            firing++;
        }
        long firedAt = reference.get(firing).step();
        assertThat(firing).as("a threshold the first evaluation does not reach, so that the test can tell").isPositive();

        train(finerPlan("staged", 100, 10, curriculum("""
                type: staged
                stages:
                  - curriculum: {type: constant, weights: [copy]}
                    until: {accuracy: [copy], at_least: %s}
                  - curriculum: {type: linear, from: [copy], to: [reverse], span: 40}
                """.formatted(threshold))), TrainingListener.NONE);
        List<EvaluationRecord> staged = records("staged");
        for (EvaluationRecord r : staged) {
            if (r.step() < firedAt) {
                assertThat(r.stage()).as("step %d", r.step()).isEqualTo(new Stage(0, "copy", false));
                assertThat(r.nextStage()).isEmpty();
                assertThat(r.metrics()).isEqualTo(reference.get((int) (r.step() / 10) - 1).metrics());
            } else if (r.step() == firedAt) {
                assertThat(r.stage().index()).isZero();
                assertThat(r.nextStage()).as("the condition held at step %d", firedAt).contains(new Stage(1, "from", false));
            } else {
                assertThat(r.nextStage()).isEmpty();
                double handedOver = Math.min(1.0, (r.step() - firedAt) / 40.0); // the hand-over counts from the stage's start
                assertThat(r.weights().get("reverse")).as("step %d", r.step()).isCloseTo(handedOver, within(1e-12));
                assertThat(r.stage()).isEqualTo(handedOver < 1 ? new Stage(1, "hand-over", false) : new Stage(1, "to", true));
            }
        }
        String line = Files.readAllLines(RunDirectory.under(output, "staged").metrics().file()).get(firing);
        assertThat(Json.parse(line).getAsJsonObject("next_stage").get("index").getAsInt()).isEqualTo(1);
    }

    @Test
    void aRunResumedInTheMiddleOfAHandOverContinuesExactly() {
        String staged = """
                type: staged
                stages:
                  - {curriculum: {type: constant, weights: [copy]}, until: {step: 20}}
                  - curriculum: {type: linear, from: [copy], to: [reverse], span: 30}
                """;
        // the stage begins after step 20, the hand-over runs to step 50; checkpoint at 25, killed at 33
        train(plan("whole", 60, 10, 25, curriculum(staged)), TrainingListener.NONE);
        assertThatThrownBy(() -> train(plan("cut", 60, 10, 25, curriculum(staged)), killAfter(32))).isInstanceOf(Killed.class);
        RunOutcome resumed = train(plan("cut", 60, 10, 25, curriculum(staged)), TrainingListener.NONE);
        assertThat(resumed.resumedFrom()).hasValue(25);
        assertThat(TestRuns.science(output.resolve("cut/metrics.jsonl"))).isEqualTo(TestRuns.science(output.resolve("whole/metrics.jsonl")));
        assertThat(records("whole")).extracting(r -> r.stage().name())
                .containsExactly("copy", "copy", "hand-over", "hand-over", "to", "to");
    }

    // ---- warm start ------------------------------------------------------------------------

    private Path source() {
        train(plan("source", 40, 20, 20, new FixedMixture(Map.of("copy", 1.0, "reverse", 1.0))), TrainingListener.NONE);
        return output.resolve("source");
    }

    private static String warmStart(Path source, String more) {
        return "type: warm-start\nfrom: '" + source.toString().replace("'", "''") + "'\n" + more
                + "curriculum: {type: constant, weights: [reverse]}\n";
    }

    @Test
    void aWarmStartBeginsFromTheExactWeightsOfTheSourcesNewestCheckpoint() throws IOException {
        Path source = source();
        List<byte[]> first = new ArrayList<>();
        train(plan("warm", 10, 5, 100, curriculum(warmStart(source, ""))), TrainingListener.NONE, first);
        assertThat(first.get(0)).isEqualTo(Files.readAllBytes(source.resolve("checkpoints/step-000000040/model.params")));
    }

    @Test
    void aWarmStartFromAChosenStepBeginsFromThatCheckpoint() throws IOException {
        Path source = source();
        List<byte[]> first = new ArrayList<>();
        train(plan("warm", 10, 5, 100, curriculum(warmStart(source, "step: 20\n"))), TrainingListener.NONE, first);
        assertThat(first.get(0)).isEqualTo(Files.readAllBytes(source.resolve("checkpoints/step-000000020/model.params")))
                .isNotEqualTo(Files.readAllBytes(source.resolve("checkpoints/step-000000040/model.params")));
    }

    @Test
    void aFreshStartDoesNotBeginFromTheSourcesWeights() throws IOException {
        Path source = source();
        List<byte[]> first = new ArrayList<>();
        train(plan("fresh", 10, 5, 100, new FixedMixture(Map.of("reverse", 1.0))), TrainingListener.NONE, first);
        assertThat(first.get(0)).isNotEqualTo(Files.readAllBytes(source.resolve("checkpoints/step-000000040/model.params")));
    }

    @Test
    void aWarmStartedRunResumesFromItsOwnCheckpointNotTheSources() throws IOException {
        Path source = source();
        String warm = warmStart(source, "");
        train(plan("whole", 30, 10, 10, curriculum(warm)), TrainingListener.NONE);
        assertThatThrownBy(() -> train(plan("cut", 30, 10, 10, curriculum(warm)), killAfter(15))).isInstanceOf(Killed.class);
        byte[] own = Files.readAllBytes(output.resolve("cut/checkpoints/step-000000010/model.params"));
        List<byte[]> first = new ArrayList<>();
        RunOutcome resumed = train(plan("cut", 30, 10, 10, curriculum(warm)), TrainingListener.NONE, first);
        assertThat(resumed.resumedFrom()).hasValue(10);
        assertThat(first.get(0)).isEqualTo(own);
        assertThat(TestRuns.science(output.resolve("cut/metrics.jsonl"))).isEqualTo(TestRuns.science(output.resolve("whole/metrics.jsonl")));
    }

    @Test
    void aSourceModelOfAnotherShapeIsRefusedNamingTheParameterAndBothShapes() {
        Path source = source();
        SequenceTask task = TestRuns.task();
        RunPlan wider = new RunPlan("test", 3, 5, "accuracy", task, new BigramModel(task.vocabulary().size(), 6),
                curriculum(warmStart(source, "")), TestRuns.training(10, 5, 0.5, TestRuns.noStopping()),
                new RuntimeConfig("cpu", 1, output.toString(), 100), List.of(), "seed: 3\n", "narrower");
        assertThatThrownBy(() -> train(wider, TrainingListener.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the curriculum's warm start (from: " + source.resolve("checkpoints/step-000000040"))
                .hasMessageContaining("the file's parameter embedding (12, 8) does not match the model's embedding (12, 6)");
    }

    /** A learner that keeps its parameters as the first step it trains sees them. */
    private record FirstWeights(Learner learner, List<byte[]> first) implements Learner {

        @Override
        public double train(Batch batch, long step) {
            if (first.isEmpty()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (DataOutputStream out = new DataOutputStream(bytes)) {
                    learner.saveParameters(out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                first.add(bytes.toByteArray());
            }
            return learner.train(batch, step);
        }

        @Override
        public double learningRate(long step) {
            return learner.learningRate(step);
        }

        @Override
        public Decoder decoder() {
            return learner.decoder();
        }

        @Override
        public long parameterCount() {
            return learner.parameterCount();
        }

        @Override
        public String summary() {
            return learner.summary();
        }

        @Override
        public void saveParameters(DataOutputStream out) throws IOException {
            learner.saveParameters(out);
        }

        @Override
        public void loadParameters(DataInputStream in) throws IOException {
            learner.loadParameters(in);
        }

        @Override
        public void saveOptimizer(DataOutputStream out) throws IOException {
            learner.saveOptimizer(out);
        }

        @Override
        public void loadOptimizer(DataInputStream in) throws IOException {
            learner.loadOptimizer(in);
        }

        @Override
        public void close() {
            learner.close();
        }
    }
}
