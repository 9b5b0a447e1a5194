package org.threshold.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.runs.run.Provenance;
import org.threshold.trainer.fixtures.FixedMixture;
import org.threshold.trainer.fixtures.MomentumLearner;
import org.threshold.trainer.fixtures.SequenceTask;
import org.threshold.trainer.fixtures.TestRuns;

class TrainerTest {

    @TempDir
    Path output;

    private final Trainer trainer = new Trainer((plan, manager) -> new MomentumLearner(plan, manager));

    private RunPlan plan(String device) {
        RunPlan p = TestRuns.plan(output, "r1", TestRuns.training(20, 10, 0.5, TestRuns.noStopping()), 10);
        return new RunPlan(p.name(), p.seed(), p.initSeed(), p.metric(), p.task(), p.model(), p.curriculum(), p.training(),
                new RuntimeConfig(device, 1, output.toString(), 10), p.probes(), p.resolvedYaml(), p.identity());
    }

    @Test
    void provenanceNamesTheCodeTheEngineAndTheDevice() {
        RunOutcome outcome = trainer.run(plan("cpu"), TrainingListener.NONE, "threshold run x.yaml");
        Provenance p = outcome.directory().readProvenance().orElseThrow();
        assertThat(p.threshold()).isEqualTo(Trainer.version()).isNotEqualTo("unknown");
        assertThat(p.djl()).isEqualTo(Engine.getDjlVersion());
        assertThat(p.engine()).startsWith("PyTorch ");
        assertThat(p.device()).isEqualTo("cpu()");
        assertThat(p.java()).startsWith(System.getProperty("java.version"));
        assertThat(p.started()).isLessThanOrEqualTo(p.finished().orElseThrow());
        assertThat(outcome.result().finished()).isTrue();
    }

    @Test
    void autoTrainsOnTheCpuWhenTheEngineHasNoGpu() {
        RunOutcome outcome = trainer.run(plan("auto"), TrainingListener.NONE, "threshold run x.yaml");
        String expected = Engine.getInstance().getGpuCount() > 0 ? "gpu(0)" : "cpu()";
        assertThat(outcome.directory().readProvenance().orElseThrow().device()).isEqualTo(expected);
    }

    @Test
    void askingForAGpuTheEngineDoesNotHaveSaysWhatToDo() {
        if (Engine.getInstance().getGpuCount() > 0) {
            assertThat(trainer.run(plan("gpu"), TrainingListener.NONE, "x").result().finished()).isTrue();
            return;
        }
        assertThatThrownBy(() -> trainer.run(plan("gpu"), TrainingListener.NONE, "x"))
                .hasMessageContaining("runtime.device is gpu").hasMessageContaining("-Pgpu");
    }

    @Test
    void aFinishedRunIsFoundWithoutStartingTheEngineWork() {
        trainer.run(plan("cpu"), TrainingListener.NONE, "x");
        Trainer refusing = new Trainer((plan, manager) -> {
            throw new AssertionError("a finished run must not create a learner");
        });
        assertThat(refusing.run(plan("cpu"), TrainingListener.NONE, "x").trainedNow()).isFalse();
    }

    @Test
    void theCurriculumsWeightsMayLeaveComponentsOut() {
        SequenceTask task = TestRuns.task();
        RunPlan p = TestRuns.plan(output, "only-copy", TestRuns.training(10, 10, 0.5, TestRuns.noStopping()), 10,
                new FixedMixture(Map.of("copy", 1.0)));
        var record = trainer.run(p, TrainingListener.NONE, "x").directory().metrics().read().get(0);
        assertThat(record.weights()).containsExactly(Map.entry("copy", 1.0), Map.entry("reverse", 0.0));
        assertThat(List.copyOf(record.weights().keySet())).isEqualTo(task.components().stream().map(c -> c.name()).toList());
    }
}
