package org.threshold.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.runs.run.CheckpointLayout;
import org.threshold.runs.run.Numerics;
import org.threshold.runs.run.RunDirectory;
import org.threshold.trainer.checkpoint.Checkpoints;
import org.threshold.trainer.fixtures.TestRuns;

/**
 * A real run (tiny GPT, ListOps, Adam) killed with SIGKILL in its own JVM resumes from its last
 * checkpoint and ends as if it had never been killed.
 */
class KillAndResumeTest {

    private static final int STEPS = 120;
    private static final int EVAL_EVERY = 20;
    private static final int CHECKPOINT_EVERY = 30;

    @TempDir
    Path output;

    private Process child(String identity, long pauseMillis) throws IOException {
        return child(identity, pauseMillis, System.getProperty("ai.djl.pytorch.num_threads", "1"));
    }

    /** @param threads the JVM's libtorch threads, as an executor's layout would hand them to a point */
    private Process child(String identity, long pauseMillis, String threads) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true",
                "-Dai.djl.pytorch.num_threads=" + threads,
                ChildRun.class.getName(), output.toString(), identity, Integer.toString(STEPS), Integer.toString(EVAL_EVERY),
                Integer.toString(CHECKPOINT_EVERY),
                Long.toString(pauseMillis))
                .redirectErrorStream(true)
                .redirectOutput(output.resolve(identity + ".log").toFile())
                .start();
    }

    @Test
    void aRunKilledAfterACheckpointResumesToTheMetricsOfAnUninterruptedRun() throws Exception {
        Process whole = child("whole", 0);
        assertThat(whole.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(whole.exitValue()).as(log("whole")).isZero();

        Process killed = child("killed", 40);
        Checkpoints checkpoints = new Checkpoints(output.resolve("killed").resolve("checkpoints"), 2);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!checkpoints.steps().contains((long) 2 * CHECKPOINT_EVERY) && System.nanoTime() < deadline && killed.isAlive()) {
            Thread.sleep(20);
        }
        killed.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing
        killed.waitFor();
        RunDirectory dir = RunDirectory.under(output, "killed");
        assertThat(dir.readResult()).as("the run must be killed before it ends; " + log("killed")).isEmpty();
        long checkpoint = checkpoints.latest().orElseThrow().step();
        assertThat(checkpoint).isBetween((long) 2 * CHECKPOINT_EVERY, (long) STEPS - 1);

        Process resumed = child("killed", 0);
        assertThat(resumed.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(resumed.exitValue()).as(log("killed")).isZero();
        List<String> expected = TestRuns.science(output.resolve("whole").resolve("metrics.jsonl"));
        assertThat(TestRuns.science(dir.metrics().file())).isEqualTo(expected).hasSize(STEPS / EVAL_EVERY);
        assertThat(dir.readResult().orElseThrow().metrics())
                .isEqualTo(RunDirectory.under(output, "whole").readResult().orElseThrow().metrics());
        assertThat(dir.readProvenance().orElseThrow().resumed()).hasSize(1);
    }

    @Test
    void aRunResumedUnderAnotherThreadLayoutKeepsItsNumericsAndEndsBitIdentical() throws Exception {
        Process whole = child("one-thread", 0, "1");
        assertThat(whole.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(whole.exitValue()).as(log("one-thread")).isZero();
        Process two = child("two-threads", 0, "2");
        assertThat(two.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(two.exitValue()).as(log("two-threads")).isZero();
        // the premise: two threads compute other numbers, so a resume under them would change the run
        assertThat(TestRuns.science(output.resolve("two-threads").resolve("metrics.jsonl")))
                .isNotEqualTo(TestRuns.science(output.resolve("one-thread").resolve("metrics.jsonl")));

        Process killed = child("moved", 40, "1");
        Checkpoints checkpoints = new Checkpoints(output.resolve("moved").resolve("checkpoints"), 2);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!checkpoints.steps().contains((long) CHECKPOINT_EVERY) && System.nanoTime() < deadline && killed.isAlive()) {
            Thread.sleep(20);
        }
        killed.destroyForcibly();
        killed.waitFor();
        RunDirectory dir = RunDirectory.under(output, "moved");
        assertThat(dir.readResult()).as("the run must be killed before it ends; " + log("moved")).isEmpty();

        Process resumed = child("moved", 0, "2"); // the layout now hands the point two threads
        assertThat(resumed.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(resumed.exitValue()).as(log("moved")).isZero();
        assertThat(TestRuns.science(dir.metrics().file()))
                .isEqualTo(TestRuns.science(output.resolve("one-thread").resolve("metrics.jsonl")));
        RunDirectory oneThread = RunDirectory.under(output, "one-thread");
        Path finalWeights = new CheckpointLayout(dir.checkpoints()).modelParameters(STEPS);
        assertThat(Files.readAllBytes(finalWeights))
                .isEqualTo(Files.readAllBytes(new CheckpointLayout(oneThread.checkpoints()).modelParameters(STEPS)));
        Numerics numerics = dir.readResult().orElseThrow().numerics().orElseThrow();
        assertThat(numerics.threads()).isEqualTo(1);
        assertThat(dir.readProvenance().orElseThrow().numerics()).contains(numerics);
        assertThat(dir.readProvenance().orElseThrow().resumed()).hasSize(1);
    }

    private String log(String identity) {
        try {
            Path file = output.resolve(identity + ".log");
            return Files.exists(file) ? "child output:" + File.separator + Files.readString(file) : "no child output";
        } catch (IOException e) {
            return "child output unreadable: " + e;
        }
    }
}
