package org.threshold.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.threshold.runs.run.RunDirectory;
import org.threshold.runs.run.RunResult;
import org.threshold.runs.run.StopReason;
import org.threshold.trainer.RunOutcome;

class RunSummaryTest {

    private static RunOutcome outcome(StopReason reason, OptionalDouble accuracy, boolean trainedNow) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", 0.9655);
        metrics.put("exact_match", 0.95);
        metrics.put("accuracy.MAX", 0.97);
        metrics.put("accuracy.train", 0.99);
        RunResult r = new RunResult(reason, "trained all 1000 planned steps", "accuracy", accuracy, 28_864, 1_000, 1_000,
                OptionalDouble.of(0.1234), metrics, Map.of("chance", 0.31), "quickstart", "3f9a2c1d",
                "ListOps mod 10, MAX, depth 2, CoT", "gpt standard d=32 layers=2 heads=1", 46.2);
        return new RunOutcome(new RunDirectory(Path.of("runs", "3f9a2c1d")), r, trainedNow, OptionalLong.empty());
    }

    @Test
    void theSummaryNamesTaskModelResultAndWhereTheRunIs() {
        String text = RunSummary.of(outcome(StopReason.STEPS, OptionalDouble.of(0.9655), true));
        assertThat(text).startsWith("Run 3f9a2c1d (quickstart) finished: 1,000 of 1,000 steps in 46.2 s");
        assertThat(text).contains("ListOps mod 10, MAX, depth 2, CoT")
                .contains("gpt standard d=32 layers=2 heads=1 (28,864 parameters)")
                .contains("accuracy = 0.9655")
                .contains("accuracy.train 0.9900")
                .contains("chance 0.3100")
                .contains(Path.of("runs", "3f9a2c1d").toString());
        assertThat(text.lines().count()).isLessThan(24); // one screen
    }

    @Test
    void thePhasesATaskNamesAreListedWithTheirStepsAndThoseNeverReached() {
        RunResult r = outcome(StopReason.STEPS, OptionalDouble.of(0.9655), true).result();
        Map<String, OptionalLong> phases = new LinkedHashMap<>();
        phases.put("phase.direct", OptionalLong.of(250));
        phases.put("phase.routed", OptionalLong.of(1_750));
        phases.put("phase.chain", OptionalLong.empty());
        RunResult withPhases = new RunResult(r.stopReason(), r.message(), r.metric(), r.testAccuracy(), r.parameters(), r.steps(),
                r.plannedSteps(), r.trainLoss(), r.metrics(), r.figures(), r.name(), r.identity(), r.task(), r.model(),
                r.wallSeconds(), r.numerics(), phases);
        String text = RunSummary.of(new RunOutcome(new RunDirectory(Path.of("runs", "x")), withPhases, true, OptionalLong.empty()));
        assertThat(text).containsPattern("  phases     phase\\.direct 250 +phase\\.routed 1,750\\s*\\n +not reached: phase\\.chain\\n");
        assertThat(RunSummary.of(outcome(StopReason.STEPS, OptionalDouble.of(0.9655), true))).as("a task without phases")
                .doesNotContain("phases");
    }

    @Test
    void aFailedRunSaysSoAndWhy() {
        String text = RunSummary.of(outcome(StopReason.NON_FINITE_LOSS, OptionalDouble.empty(), true));
        assertThat(text).contains("FAILED").contains("non_finite_loss").contains("no evaluation ran, so there is no accuracy");
    }

    @Test
    void aRunThatHadEndedBeforeSaysNothingWasTrained() {
        assertThat(RunSummary.of(outcome(StopReason.STEPS, OptionalDouble.of(0.97), false))).startsWith("Run (already done, nothing trained)");
    }
}
