package org.threshold.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.api.task.Phase;
import org.threshold.runs.run.EvaluationRecord;
import org.threshold.runs.run.RunDirectory;
import org.threshold.runs.run.RunResult;
import org.threshold.trainer.fixtures.FixedMixture;
import org.threshold.trainer.fixtures.TestRuns;
import org.threshold.trainer.fixtures.WithPhases;

/**
 * The phases a task names end up in result.json with the step each was first reached at, found by
 * the trainer without knowing the task, across a resumed run's sessions too.
 */
class PhaseStepsTest {

    @TempDir
    java.nio.file.Path output;

    private static final List<Phase> PHASES = List.of(
            new Phase("phase.any", "accuracy", 0.0),
            new Phase("phase.copy", "accuracy.copy", 0.3),
            new Phase("phase.never", "accuracy", 1.5),
            new Phase("phase.unknown_metric", "accuracy.nothing", 0.0));

    private RunPlan plan(String id) {
        return TestRuns.plan(output, id, TestRuns.training(70, 10, 0.5, TestRuns.noStopping()), 25,
                new FixedMixture(Map.of("copy", 1.0, "reverse", 1.0)), new WithPhases(TestRuns.task(), PHASES));
    }

    /** The step of the first line of metrics.jsonl whose metric reaches the level, read here without Phase. */
    private static OptionalLong firstReached(List<EvaluationRecord> records, String metric, double level) {
        for (EvaluationRecord r : records) {
            Double v = r.metrics().get(metric);
            if (v != null && v >= level) {
                return OptionalLong.of(r.step());
            }
        }
        return OptionalLong.empty();
    }

    @Test
    void eachPhaseIsTheFirstEvaluationStepAtItsLevelAndAbsentWhenNeverReached() {
        RunOutcome outcome = TrainingLoopTest.train(plan("run"), TrainingListener.NONE);
        List<EvaluationRecord> records = outcome.directory().metrics().read();
        RunResult result = outcome.directory().readResult().orElseThrow();
        assertThat(result.phases()).containsOnlyKeys("phase.any", "phase.copy", "phase.never", "phase.unknown_metric");
        assertThat(result.phases().get("phase.any")).as("accuracy >= 0 at the first evaluation").hasValue(10);
        for (Phase p : PHASES) {
            assertThat(result.phases().get(p.name())).as(p.name()).isEqualTo(firstReached(records, p.metric(), p.level()));
        }
        assertThat(result.phases().get("phase.never")).isEmpty();
        assertThat(result.phases().get("phase.unknown_metric")).isEmpty();
        assertThat(result.phasesUnreached()).endsWith("phase.never", "phase.unknown_metric");
        assertThat(result).isEqualTo(outcome.result());
    }

    @Test
    void aResumedRunCountsTheEvaluationsOfItsEarlierSessions() {
        RunOutcome whole = TrainingLoopTest.train(plan("whole"), TrainingListener.NONE);
        // killed at step 31: the evaluations at 10, 20 and 30 are on disk, the checkpoint at 25 is where it resumes
        assertThatThrownBy(() -> TrainingLoopTest.train(plan("cut"), new TrainingListener() {
            @Override
            public void stepped(long s, double loss) {
                if (s == 31) {
                    throw new IllegalStateException("killed");
                }
            }
        })).hasMessage("killed");
        RunOutcome resumed = TrainingLoopTest.train(plan("cut"), TrainingListener.NONE);
        assertThat(resumed.resumedFrom()).hasValue(25);
        assertThat(resumed.result().phases()).isEqualTo(whole.result().phases());
        assertThat(resumed.result().phases().get("phase.any")).as("reached in the first session").hasValue(10);
        assertThat(RunDirectory.under(output, "cut").readResult().orElseThrow().phases()).isEqualTo(whole.result().phases());
    }

    @Test
    void aTaskWithoutPhasesHasNone() {
        RunOutcome outcome = TrainingLoopTest.train(TestRuns.plan(output, "plain", TestRuns.training(20, 10, 0.5,
                TestRuns.noStopping()), 25), TrainingListener.NONE);
        assertThat(outcome.result().phases()).isEmpty();
    }
}
