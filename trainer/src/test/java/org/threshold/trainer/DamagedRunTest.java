package org.threshold.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.runs.Json;
import org.threshold.runs.run.CheckpointLayout;
import org.threshold.runs.run.RunDirectory;
import org.threshold.runs.run.RunResult;
import org.threshold.trainer.checkpoint.Checkpoints;
import org.threshold.trainer.fixtures.MomentumLearner;
import org.threshold.trainer.fixtures.TestRuns;

/**
 * Damaged files of a run do not throw away what the readable ones hold: a damaged result.json is
 * rebuilt from the final checkpoint and metrics.jsonl, a damaged newest checkpoint gives way to
 * the older one, and a run whose checkpoints are all damaged is not started over unasked.
 */
class DamagedRunTest {

    @TempDir
    Path output;

    private final Trainer trainer = new Trainer((plan, manager) -> new MomentumLearner(plan, manager));

    private RunPlan plan(String id) {
        return TestRuns.plan(output, id, TestRuns.training(60, 20, 0.5, TestRuns.noStopping()), 20);
    }

    /** What the run saw: its steps and its warnings. */
    private static final class Watch implements TrainingListener {
        final List<Long> steps = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        private final long killAfter;

        Watch(long killAfter) {
            this.killAfter = killAfter;
        }

        @Override
        public void stepped(long step, double loss) {
            if (step == killAfter + 1) {
                throw new IllegalStateException("killed after step " + killAfter);
            }
            steps.add(step);
        }

        @Override
        public void noticed(String warning) {
            warnings.add(warning);
        }
    }

    /** A run killed after step 45: its checkpoints are those of steps 20 and 40. */
    private RunDirectory killedAt45(String id) {
        assertThatThrownBy(() -> trainer.run(plan(id), new Watch(45), "x")).hasMessage("killed after step 45");
        return RunDirectory.under(output, id);
    }

    private static Path checkpoint(RunDirectory run, long step) {
        return new CheckpointLayout(run.checkpoints()).step(step);
    }

    private static void cutInHalf(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    }

    private static RunResult withoutTime(RunResult r) {
        return new RunResult(r.stopReason(), r.message(), r.metric(), r.testAccuracy(), r.parameters(), r.steps(), r.plannedSteps(),
                r.trainLoss(), r.metrics(), r.figures(), r.name(), r.identity(), r.task(), r.model(), 0, r.numerics());
    }

    @Test
    void anEmptyResultIsRebuiltFromTheFinalCheckpointAndTheMetricsWithoutTraining() throws IOException {
        RunOutcome first = trainer.run(plan("done"), TrainingListener.NONE, "x");
        RunDirectory run = first.directory();
        List<String> metrics = Files.readAllLines(run.metrics().file());
        double trainedBefore = new Checkpoints(run.checkpoints(), 2).latest().orElseThrow().state().elapsedSeconds();
        Files.writeString(run.result(), "");

        Watch watch = new Watch(Long.MAX_VALUE);
        RunOutcome again = trainer.run(plan("done"), watch, "x");

        assertThat(watch.steps).as("nothing is trained").isEmpty();
        assertThat(watch.warnings).containsExactly("run done: " + run.result() + " is damaged: it is empty; kept as "
                + "result.json.damaged, and rebuilt from the run's newest checkpoint and metrics.jsonl");
        assertThat(withoutTime(run.readResult().orElseThrow())).isEqualTo(withoutTime(first.result()));
        // the first session's time as its final checkpoint recorded it (before that checkpoint was
        // forced to disk, which the first result's wall time also counts), and this session's
        assertThat(again.result().wallSeconds()).isGreaterThan(trainedBefore);
        assertThat(Files.readAllLines(run.metrics().file())).isEqualTo(metrics);
        assertThat(run.path().resolve("result.json.damaged")).exists().isEmptyFile();
    }

    @Test
    void aNewestCheckpointCutShortGivesWayToTheOlderOneAndTheRunEndsAsAnUninterruptedOne() throws IOException {
        List<String> uninterrupted = TestRuns.science(trainer.run(plan("whole"), TrainingListener.NONE, "x").directory().metrics().file());
        RunDirectory run = killedAt45("cut");
        Path model = checkpoint(run, 40).resolve("model.params");
        long bytes = Files.size(model);
        cutInHalf(model);

        Watch watch = new Watch(Long.MAX_VALUE);
        RunOutcome outcome = trainer.run(plan("cut"), watch, "x");

        assertThat(watch.warnings).containsExactly("run cut: " + model + " is damaged: it is cut short: " + bytes / 2 + " of its "
                + bytes + " bytes are there; the run continues from its checkpoint of step 20 instead");
        assertThat(watch.steps.get(0)).isEqualTo(21L);
        assertThat(outcome.result().finished()).isTrue();
        assertThat(TestRuns.science(run.metrics().file())).isEqualTo(uninterrupted);
    }

    @Test
    void aNewestStateCutShortGivesWayToTheOlderCheckpoint() throws IOException {
        RunDirectory run = killedAt45("state");
        Path state = checkpoint(run, 40).resolve("state.json");
        cutInHalf(state);

        Watch watch = new Watch(Long.MAX_VALUE);
        trainer.run(plan("state"), watch, "x");

        assertThat(watch.warnings).containsExactly("run state: " + state + " is damaged: it ends in the middle of its JSON (cut "
                + "short); the run continues from its checkpoint of step 20 instead");
        assertThat(watch.steps.get(0)).isEqualTo(21L);
    }

    @Test
    void aPartOfAnOlderFormatThatFailsToLoadGivesWayToo() throws IOException {
        RunDirectory run = killedAt45("old");
        Path state = checkpoint(run, 40).resolve("state.json");
        JsonObject json = Json.parse(Files.readString(state));
        json.remove("parts"); // as a checkpoint written before parts were sealed
        Files.writeString(state, Json.PRETTY.toJson(json));
        Path model = checkpoint(run, 40).resolve("model.params");
        cutInHalf(model);

        Watch watch = new Watch(Long.MAX_VALUE);
        trainer.run(plan("old"), watch, "x");

        assertThat(watch.warnings).containsExactly("run old: " + model + " is damaged: it ends before all its values (cut short); "
                + "the run continues from its checkpoint of step 20 instead");
        assertThat(watch.steps.get(0)).isEqualTo(21L);
    }

    @Test
    void aRunWhoseCheckpointsAreAllDamagedIsNotStartedOverUnasked() throws IOException {
        RunDirectory run = killedAt45("lost");
        cutInHalf(checkpoint(run, 40).resolve("optimizer.params"));
        Files.writeString(checkpoint(run, 20).resolve("state.json"), "");
        List<String> metrics = Files.readAllLines(run.metrics().file());

        Watch watch = new Watch(Long.MAX_VALUE);
        assertThatThrownBy(() -> trainer.run(plan("lost"), watch, "x")).isInstanceOf(DamagedRunException.class)
                .hasMessageStartingWith("run lost cannot continue: none of its checkpoints can be read ("
                        + checkpoint(run, 40).resolve("optimizer.params") + " is damaged: it is cut short: ")
                .hasMessageEndingWith("; " + checkpoint(run, 20).resolve("state.json") + " is damaged: it is empty)");

        assertThat(watch.steps).isEmpty();
        assertThat(Files.readAllLines(run.metrics().file())).isEqualTo(metrics);
        assertThat(run.result()).doesNotExist();
    }

    @Test
    void rebuildingRefusesARunWhoseNewestCheckpointIsNotItsFinalOne() throws IOException {
        RunDirectory run = killedAt45("unfinished");
        List<String> metrics = Files.readAllLines(run.metrics().file());
        assertThatThrownBy(() -> trainer.rebuild(plan("unfinished"), "x")).isInstanceOf(IllegalStateException.class)
                .hasMessage("its newest readable checkpoint (step 40) is not its final one, so only training can rebuild its result");
        assertThat(Files.readAllLines(run.metrics().file())).isEqualTo(metrics);
    }

    @Test
    void whatKilledSessionsLeftBehindIsRemovedWhenTheRunStartsAgain() throws IOException {
        RunDirectory run = killedAt45("debris");
        long dead = 4_000_000;
        while (ProcessHandle.of(dead).isPresent()) {
            dead--;
        }
        Path temporary = Files.writeString(run.path().resolve(".provenance.json." + dead + ".1.tmp"), "{\"thresh");
        Path partial = Files.createDirectories(run.checkpoints().resolve(".step-000000060.partial"));
        Files.write(partial.resolve("model.params"), new byte[100]);

        trainer.run(plan("debris"), TrainingListener.NONE, "x");

        assertThat(temporary).doesNotExist();
        assertThat(run.checkpoints().resolve(".step-000000060.partial")).doesNotExist();
        assertThat(run.readResult()).isPresent();
    }
}
