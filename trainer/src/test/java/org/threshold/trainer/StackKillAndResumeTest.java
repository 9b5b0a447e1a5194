package org.threshold.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.runs.run.RunDirectory;
import org.threshold.trainer.checkpoint.Checkpoints;
import org.threshold.trainer.fixtures.StackedRuns;
import org.threshold.trainer.fixtures.TestRuns;

/**
 * A stack of three points (SPEC section 10) killed with SIGKILL in its own JVM resumes, each
 * member from its own checkpoint, and ends as if it had never been killed: every member's
 * metrics and result equal those of an uninterrupted stack.
 */
class StackKillAndResumeTest {

    @TempDir
    Path output;

    private Process child(String name, long pauseMillis) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true",
                "-Dai.djl.pytorch.num_threads=" + System.getProperty("ai.djl.pytorch.num_threads", "1"),
                ChildStack.class.getName(), output.resolve(name).toString(), Long.toString(pauseMillis))
                .redirectErrorStream(true)
                .redirectOutput(output.resolve(name + ".log").toFile())
                .start();
    }

    @Test
    void aStackKilledAfterACheckpointResumesToTheMetricsOfAnUninterruptedStack() throws Exception {
        Process whole = child("whole", 0);
        assertThat(whole.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(whole.exitValue()).as(log("whole")).isZero();

        Process killed = child("killed", 40);
        long wanted = 2L * StackedRuns.CHECKPOINT_EVERY;
        List<Checkpoints> checkpoints = List.of("a", "b", "c").stream()
                .map(id -> new Checkpoints(output.resolve("killed").resolve(id).resolve("checkpoints"), 2)).toList();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!allHave(checkpoints, wanted) && System.nanoTime() < deadline && killed.isAlive()) {
            Thread.sleep(20);
        }
        killed.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing
        killed.waitFor();
        for (String id : List.of("a", "b", "c")) {
            assertThat(RunDirectory.under(output.resolve("killed"), id).readResult())
                    .as("member %s must be killed before it ends; %s", id, log("killed")).isEmpty();
        }

        Process resumed = child("killed", 0);
        assertThat(resumed.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(resumed.exitValue()).as(log("killed")).isZero();
        for (String id : List.of("a", "b", "c")) {
            RunDirectory dir = RunDirectory.under(output.resolve("killed"), id);
            RunDirectory uninterrupted = RunDirectory.under(output.resolve("whole"), id);
            assertThat(TestRuns.science(dir.metrics().file())).as(id).isEqualTo(TestRuns.science(uninterrupted.metrics().file()));
            assertThat(dir.readResult().orElseThrow().metrics()).as(id).isEqualTo(uninterrupted.readResult().orElseThrow().metrics());
            assertThat(dir.readProvenance().orElseThrow().resumed()).as(id).hasSize(1);
            assertThat(dir.readProvenance().orElseThrow().numerics().orElseThrow().stack()).contains(StackedRuns.STACK);
        }
    }

    private static boolean allHave(List<Checkpoints> checkpoints, long step) throws IOException {
        for (Checkpoints c : checkpoints) {
            if (!c.steps().contains(step)) {
                return false;
            }
        }
        return true;
    }

    private String log(String name) {
        try {
            return Files.readString(output.resolve(name + ".log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
