package org.threshold.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.runs.run.CheckpointLayout;
import org.threshold.runs.run.Provenance;
import org.threshold.runs.run.RunDirectory;
import org.threshold.trainer.checkpoint.Checkpoints;
import org.threshold.trainer.fixtures.TestRuns;

/**
 * SIGTERM, SIGINT and SIGUSR2 sent to a training JVM (tiny GPT, ListOps, Adam): it writes a
 * checkpoint at the step it is at (not at an earlier periodic one: the run has none before its
 * end), says so, exits with 128 + the signal's number, and resumes from exactly that step to the
 * metrics of an uninterrupted run.
 */
class StopOnSignalTest {

    private static final int STEPS = 160;
    private static final int EVAL_EVERY = 20;
    /** Beyond the run's end: no periodic checkpoint, so a resumption can only start from the signal's. */
    private static final int CHECKPOINT_EVERY = 10_000;
    private static final Pattern STOPPED = Pattern.compile("stopped by (SIG\\w+) at step (\\d+) of 160; its checkpoint is (\\S+), "
            + "and the same command resumes the run from that step");

    @TempDir
    static Path output;

    private static Process child(String identity, long pauseMillis) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true",
                "-Dai.djl.pytorch.num_threads=1", ChildRun.class.getName(), output.toString(), identity, Integer.toString(STEPS),
                Integer.toString(EVAL_EVERY), Integer.toString(CHECKPOINT_EVERY), Long.toString(pauseMillis))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.resolve(identity + ".log").toFile()))
                .start();
    }

    @BeforeAll
    static void uninterrupted() throws Exception {
        Process whole = child("whole", 0);
        assertThat(whole.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(whole.exitValue()).as(log("whole")).isZero();
    }

    @ParameterizedTest(name = "SIG{0}")
    @CsvSource({"TERM, 143", "INT, 130", "USR2, 140"})
    void aSignalCheckpointsTheStepTheRunIsAtAndItResumesFromThereToTheUninterruptedMetrics(String signal, int exitCode)
            throws Exception {
        String identity = "stopped-" + signal.toLowerCase();
        Process run = child(identity, 30);
        RunDirectory dir = RunDirectory.under(output, identity);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        // an evaluation or two in: mid-run, between periodic checkpoints (there are none)
        while (lines(dir.metrics().file()) < 2 && System.nanoTime() < deadline && run.isAlive()) {
            Thread.sleep(20);
        }
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(run.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(run.exitValue()).as(log(identity)).isEqualTo(exitCode);

        Matcher said = STOPPED.matcher(log(identity));
        assertThat(said.find()).as(log(identity)).isTrue();
        assertThat(said.group(1)).isEqualTo("SIG" + signal);
        long step = Long.parseLong(said.group(2));
        assertThat(step).as("mid-run").isBetween(2L * EVAL_EVERY, STEPS - 1L);
        Checkpoints checkpoints = new Checkpoints(dir.checkpoints(), 2);
        assertThat(checkpoints.steps()).as("one checkpoint, of the step the signal found").containsExactly(step);
        assertThat(Path.of(said.group(3))).isDirectory().hasFileName(CheckpointLayout.name(step));
        assertThat(dir.readResult()).isEmpty();

        Process resumed = child(identity, 0);
        assertThat(resumed.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(resumed.exitValue()).as(log(identity)).isZero();
        assertThat(dir.readProvenance().orElseThrow().resumed()).extracting(Provenance.Resumption::step).containsExactly(step);
        assertThat(TestRuns.science(dir.metrics().file()))
                .isEqualTo(TestRuns.science(output.resolve("whole").resolve("metrics.jsonl"))).hasSize(STEPS / EVAL_EVERY);
        assertThat(dir.readResult().orElseThrow().metrics())
                .isEqualTo(RunDirectory.under(output, "whole").readResult().orElseThrow().metrics());
    }

    private static long lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (var lines = Files.lines(file)) {
            return lines.count();
        }
    }

    private static String log(String identity) {
        try {
            Path file = output.resolve(identity + ".log");
            return Files.exists(file) ? String.join("\n", List.of("child output:", Files.readString(file))) : "no child output";
        } catch (IOException e) {
            return "child output unreadable: " + e;
        }
    }
}
