package org.threshold.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.api.model.ModelShape;
import org.threshold.models.gpt.Gpt;
import org.threshold.models.gpt.GptConfig;
import org.threshold.runs.Json;
import org.threshold.runs.run.Numerics;
import org.threshold.runs.run.RunDirectory;
import org.threshold.trainer.fixtures.SequenceTask;
import org.threshold.trainer.fixtures.StackedRuns;
import org.threshold.trainer.fixtures.TestRuns;

/**
 * SPEC section 10: K runs trained as one stacked GPT match the same runs trained alone, step by
 * step and in their records, with one stacked pass per step whatever K is.
 */
class StackedTrainingTest {

    @TempDir
    Path output;

    private static List<RunPlan> points(Path under) {
        return StackedRuns.points(under);
    }

    /** Per-step losses of each plan, as the listener sees them. */
    private static List<TrainingListener> recorders(List<List<Double>> losses, int n) {
        List<TrainingListener> listeners = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            List<Double> mine = new ArrayList<>();
            losses.add(mine);
            listeners.add(new TrainingListener() {
                @Override
                public void stepped(long step, double loss) {
                    mine.add(loss);
                }
            });
        }
        return listeners;
    }

    @Test
    void threeStackedPointsMatchThePointsTrainedAloneWithOneStackedPassPerStep() throws Exception {
        List<RunPlan> alone = points(output.resolve("alone"));
        List<List<Double>> aloneLosses = new ArrayList<>();
        List<TrainingListener> aloneListeners = recorders(aloneLosses, 3);
        for (int k = 0; k < 3; k++) {
            new Trainer(AdamLearner::new).run(alone.get(k), aloneListeners.get(k), "threshold run config.yaml");
        }

        List<RunPlan> stacked = points(output.resolve("stacked"));
        List<List<Double>> stackedLosses = new ArrayList<>();
        Trainer.StackOutcome outcome = new Trainer(AdamLearner::new).runStack(stacked, StackedRuns.STACK, recorders(stackedLosses, 3),
                List.of("c", "c", "c"), new StopRequest());

        assertThat(outcome.passes()).as("one stacked pass per step of the longest member").isEqualTo(StackedRuns.STEPS);
        for (int k = 0; k < 3; k++) {
            Trainer.StackMember member = outcome.members().get(k);
            assertThat(member.failure()).isEmpty();
            assertThat(member.outcome().orElseThrow().result().finished()).isTrue();
            List<Double> a = aloneLosses.get(k);
            List<Double> s = stackedLosses.get(k);
            assertThat(s).hasSameSizeAs(a).hasSize(alone.get(k).training().steps());
            for (int i = 0; i < a.size(); i++) {
                assertThat(Math.abs(s.get(i) - a.get(i)) / Math.abs(a.get(i)))
                        .as("member %d, step %d: stacked %s, alone %s", k, i + 1, s.get(i), a.get(i)).isLessThanOrEqualTo(1e-5);
            }
            assertRecordsMatch(RunDirectory.under(output.resolve("alone"), alone.get(k).identity()),
                    RunDirectory.under(output.resolve("stacked"), stacked.get(k).identity()));
            Numerics numerics = member.outcome().get().result().numerics().orElseThrow();
            assertThat(numerics.stack()).contains(StackedRuns.STACK);
            assertThat(RunDirectory.under(output.resolve("stacked"), stacked.get(k).identity()).readProvenance().orElseThrow()
                    .numerics().orElseThrow().stack()).contains(StackedRuns.STACK);
        }
        // the staged member moved on to its second stage, as it did alone
        assertThat(Files.readString(RunDirectory.under(output.resolve("stacked"), "b").metrics().file())).contains("reverse");
    }

    @Test
    void aStackWhoseOtherMembersHadEndedResumesTheOneThatHadNot() throws Exception {
        Trainer.StackOutcome first = new Trainer(AdamLearner::new).runStack(points(output), StackedRuns.STACK,
                recorders(new ArrayList<>(), 3), List.of("c", "c", "c"), new StopRequest());
        assertThat(first.members()).allSatisfy(m -> assertThat(m.failure()).isEmpty());
        RunDirectory a = RunDirectory.under(output, "a");
        List<String> metrics = TestRuns.science(a.metrics().file());
        Files.delete(a.path().resolve("result.json"));
        Path last = a.path().resolve("checkpoints").resolve("step-000000200");
        try (java.util.stream.Stream<Path> files = Files.walk(last)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Trainer.StackOutcome again = new Trainer(AdamLearner::new).runStack(points(output), StackedRuns.STACK,
                recorders(new ArrayList<>(), 3), List.of("c", "c", "c"), new StopRequest());
        assertThat(again.passes()).as("a alone, from its checkpoint at step 160").isEqualTo(40);
        assertThat(again.members().get(0).outcome().orElseThrow().trainedNow()).isTrue();
        assertThat(again.members().get(1).outcome().orElseThrow().trainedNow()).isFalse();
        assertThat(TestRuns.science(a.metrics().file())).isEqualTo(metrics);
    }

    /** metrics.jsonl: losses within 1e-4 relative, accuracies within 0.02, everything else equal (SPEC section 10). */
    private static void assertRecordsMatch(RunDirectory alone, RunDirectory stacked) throws Exception {
        List<String> a = Files.readAllLines(alone.metrics().file());
        List<String> s = Files.readAllLines(stacked.metrics().file());
        assertThat(s).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            JsonObject x = Json.parse(a.get(i));
            JsonObject y = Json.parse(s.get(i));
            assertThat(y.keySet()).isEqualTo(x.keySet());
            for (String key : x.keySet()) {
                if (key.equals("time")) {
                    continue;
                }
                if (!x.get(key).isJsonPrimitive() || !x.get(key).getAsJsonPrimitive().isNumber()) {
                    assertThat(y.get(key)).as(key).isEqualTo(x.get(key));
                } else if (key.contains("loss")) {
                    double e = x.get(key).getAsDouble();
                    assertThat(Math.abs(y.get(key).getAsDouble() - e) / Math.abs(e)).as(key + " line " + i).isLessThanOrEqualTo(1e-4);
                } else if (key.startsWith("accuracy") || key.contains("accuracy")) {
                    assertThat(y.get(key).getAsDouble()).as(key + " line " + i).isCloseTo(x.get(key).getAsDouble(),
                            org.assertj.core.data.Offset.offset(0.02));
                } else if (!key.equals("learning_rate")) {
                    assertThat(y.get(key)).as(key + " line " + i).isEqualTo(x.get(key));
                }
            }
        }
    }

    @Test
    void pointsOfAnotherShapeDoNotStackAndSaySo() {
        SequenceTask task = TestRuns.task();
        List<RunPlan> plans = new ArrayList<>(points(output).subList(0, 1));
        Gpt wider = new Gpt(GptConfig.standard(32, 2), new ModelShape(task.vocabulary().size(), task.contextLength()));
        RunPlan a = plans.get(0);
        plans.add(new RunPlan(a.name(), 9, 9, a.metric(), task, wider, a.curriculum(), a.training(), a.runtime(), List.of(),
                a.resolvedYaml(), "wider"));
        assertThat(Trainer.stackingProblem(plans)).hasValueSatisfying(why -> assertThat(why).contains("32"));
        assertThatThrownBy(() -> new Trainer(AdamLearner::new).runStack(plans, new Numerics.Stack(2, List.of(0, 1)),
                List.of(TrainingListener.NONE, TrainingListener.NONE), List.of("c", "c"), new StopRequest()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("points 0,1 cannot train as one stack");
    }
}
