package org.threshold.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.app.fixtures.Cli;
import org.threshold.app.fixtures.PluginJars;
import org.threshold.runs.run.RunDirectory;
import org.threshold.runs.run.RunResult;
import org.threshold.runs.run.StopReason;
import org.threshold.runs.sweep.RunLock;

/** {@code threshold run}: trains a built-in task and model end to end, records the run, and skips an ended run. */
class RunCommandTest {

    @TempDir
    Path dir;

    private Path runFile() {
        return PluginJars.runFile(dir, "max.yaml", """
                name: cli-run
                task: {type: listops, operators: [MAX], depth: 1, context: 16, excluded: 200,
                       train_size: 800, test_size: 150, eval_size: 150}
                model: {type: gpt, d: 16, layers: 1}
                training: {steps: 40, eval_every: 20, lr: 3.0e-3, warmup: 5}
                runtime: {output: %s, threads: 1, checkpoint_every: 20}
                """.formatted(dir.resolve("runs")));
    }

    private Path sweepFile() {
        return PluginJars.runFile(dir, "sweep.yaml", """
                name: cli-sweep
                task: {type: listops, operators: [MAX], depth: 1, context: 16, excluded: 200,
                       train_size: 800, test_size: 150, eval_size: 150}
                model: {type: gpt, d: 16, layers: 1}
                training: {steps: 20, eval_every: 20, lr: 3.0e-3, warmup: 5}
                runtime: {threads: 1, checkpoint_every: 20}
                sweep:
                  name: tiny
                  output: %s
                  grid:
                    seed: [1, 2]
                """.formatted(dir.resolve("sweeps")));
    }

    private static Path runDirectory(Cli.Result result) {
        String line = result.outLines().stream().filter(l -> l.startsWith("run directory: ")).findFirst().orElseThrow();
        return Path.of(line.substring("run directory: ".length()));
    }

    @Test
    void aRunFileTrainsIntoItsRunDirectoryAndEndsWithASummary() throws IOException {
        Cli.Result result = Cli.run("run", runFile().toString());
        assertThat(result.code()).as(result.err()).isZero();
        Path run = runDirectory(result);
        assertThat(run.getParent()).isEqualTo(dir.resolve("runs"));
        assertThat(run.resolve("result.json")).exists();
        assertThat(Files.readString(run.resolve("command"))).isEqualTo("threshold run config.yaml\n");
        assertThat(Files.readAllLines(run.resolve("metrics.jsonl"))).hasSize(2);
        assertThat(result.out()).contains("step 20/40").contains("step 40/40") // plain lines: the test's output is no terminal
                .contains("finished: 40 of 40 steps").contains("gpt standard d=16 layers=1").contains("accuracy = ")
                .contains("directory  " + run);
        assertThat(Files.readString(run.resolve("config.yaml"))).contains("listops");
    }

    @Test
    void aRunThatHasEndedIsNotTrainedAgain() throws IOException {
        Path run = runDirectory(Cli.run("run", runFile().toString()));
        String metrics = Files.readString(run.resolve("metrics.jsonl"));
        Cli.Result again = Cli.run("run", runFile().toString());
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("already done, nothing trained").contains("its result is " + run.resolve("result.json"));
        assertThat(again.out()).doesNotContain("step 20/40");
        assertThat(Files.readString(run.resolve("metrics.jsonl"))).isEqualTo(metrics);
    }

    @Test
    void aRunThatFailedEndsWithExitCode1AndItsMessage() {
        Path run = runDirectory(Cli.run("run", runFile().toString()));
        RunDirectory directory = new RunDirectory(run);
        RunResult finished = directory.readResult().orElseThrow();
        String message = "the training loss became NaN at step 7 (learning rate 0.003); lower training.lr";
        directory.writeResult(new RunResult(StopReason.NON_FINITE_LOSS, message, finished.metric(), OptionalDouble.empty(),
                finished.parameters(), 7, 40, OptionalDouble.empty(), java.util.Map.of(), finished.figures(), finished.name(),
                finished.identity(), finished.task(), finished.model(), 1.0));
        Cli.Result result = Cli.run("run", runFile().toString());
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("threshold: the run failed: " + message);
        assertThat(result.out()).contains("FAILED");
    }

    @Test
    void aSweepPointTrainsIntoTheSweepsRunsDirectoryOnce() throws IOException {
        Cli.Result result = Cli.run("run", sweepFile().toString(), "--index", "1");
        assertThat(result.code()).as(result.err()).isZero();
        Path run = runDirectory(result);
        assertThat(run.getParent()).isEqualTo(dir.resolve("sweeps").resolve("tiny").resolve("runs"));
        assertThat(run.resolve("result.json")).exists();
        assertThat(Files.readString(run.resolve("config.yaml"))).contains("seed: 2");
        Cli.Result again = Cli.run("run", sweepFile().toString(), "--index", "1");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("already done, nothing trained").doesNotContain("step 20/20");
    }

    @Test
    void aSweepFileGivenToRunIsRefusedAtItsSweepSection() {
        Cli.Result result = Cli.run("run", sweepFile().toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.errLines()).containsExactly(sweepFile() + ":7:1: sweep: this file has a sweep: section; train all its grid "
                + "points with 'threshold sweep " + sweepFile() + "', or one of them with 'threshold run " + sweepFile() + " --index I'");
    }

    @Test
    void aPointAnotherProcessTrainsIsLeftAlone() {
        Path run = dir.resolve("sweeps").resolve("tiny").resolve("runs");
        String point0 = Cli.run("sweep", sweepFile().toString(), "--list").outLines().stream()
                .filter(l -> l.strip().startsWith("point 0 ")).findFirst().orElseThrow();
        String identity = point0.substring(point0.indexOf('(') + 1, point0.indexOf(')'));
        try (RunLock held = RunLock.tryAcquire(run.resolve(identity)).orElseThrow()) {
            Cli.Result result = Cli.run("run", sweepFile().toString(), "--index", "0");
            assertThat(result.code()).as(result.err()).isZero();
            assertThat(result.out()).contains("Another process is training this run");
            assertThat(run.resolve(identity).resolve("result.json")).doesNotExist();
        }
    }

    @Test
    void anIndexOutsideTheGridIsBadInput() {
        Cli.Result result = Cli.run("run", sweepFile().toString(), "--index", "2");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--index 2").contains("has 2 grid points, numbered 0 to 1");
    }

    @Test
    void aSweepFileWithoutAnIndexIsBadInputThatNamesBothWays() {
        Cli.Result result = Cli.run("run", sweepFile().toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("has a sweep: section").contains("threshold sweep").contains("--index I");
    }

    @Test
    void checkpointsOfTheStepsInKeepCheckpointsStayForProbes() throws IOException {
        Path file = PluginJars.runFile(dir, "keep.yaml", """
                task: {type: listops, operators: [MAX], depth: 1, context: 16, excluded: 200,
                       train_size: 800, test_size: 150, eval_size: 50}
                model: {type: gpt, d: 16, layers: 1}
                training: {steps: 60, eval_every: 20, lr: 3.0e-3, warmup: 5}
                runtime: {output: %s, threads: 1, checkpoint_every: 20, keep_checkpoints: [10]}
                """.formatted(dir.resolve("runs")));
        Cli.Result result = Cli.run("run", file.toString());
        assertThat(result.code()).as(result.err()).isZero();
        try (java.util.stream.Stream<Path> steps = Files.list(runDirectory(result).resolve("checkpoints"))) {
            assertThat(steps.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("step-000000010", "step-000000040", "step-000000060");
        }
    }
}
