package org.threshold.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.app.fixtures.Cli;
import org.threshold.app.fixtures.PluginJars;
import org.threshold.app.fixtures.SmallSweep;
import org.threshold.runs.sweep.IndexEntry;
import org.threshold.runs.sweep.SweepDirectory;
import org.threshold.testkit.SmallDisk;

/**
 * A disk that fills during a run or a sweep (issue 14), on a tmpfs of 64 KiB mounted by the test
 * (skipped, with the reason, where mounting is impossible): the path and the operating system's
 * reason, exit code 1, no stack trace and no "report it"; a sweep runs its other points, analyzes
 * what finished and lists what failed.
 */
class FullDiskTest {

    private static final long SMALL = 64 * 1024;

    @TempDir
    Path dir;

    @Test
    void aRunOnAFullDiskNamesThePathAndTheReasonAndExitsOne() throws IOException {
        Path output = dir.resolve("small-disk");
        Path file = PluginJars.runFile(dir, "run.yaml", """
                task: {type: listops, operators: [MAX], depth: 1, context: 16, excluded: 200,
                       train_size: 800, test_size: 100, eval_size: 100}
                model: {type: gpt, d: 32, layers: 1}
                training: {steps: 40, eval_every: 20, lr: 3.0e-3, warmup: 5}
                runtime: {output: %s, threads: 1, checkpoint_every: 20}
                """.formatted(output));
        try (SmallDisk disk = SmallDisk.mount(output, SMALL)) {
            Cli.Result result = Cli.run("run", file.toString());

            assertThat(result.code()).isEqualTo(1);
            assertThat(result.errLines()).singleElement().asString()
                    .startsWith("threshold: cannot ")
                    .contains(output.toString())
                    .endsWith(": No space left on device; what the run has saved is kept: free some space and run the same "
                            + "command again to continue it");
            assertThat(result.err()).doesNotContain("\tat ", "internal failure", "report it", "--debug");
        }
    }

    @Test
    void withDebugTheStackTraceFollowsTheLine() throws IOException {
        Path output = dir.resolve("small-disk");
        Path file = PluginJars.runFile(dir, "run.yaml", """
                task: {type: listops, operators: [MAX], depth: 1, context: 16, excluded: 200,
                       train_size: 800, test_size: 100, eval_size: 100}
                model: {type: gpt, d: 32, layers: 1}
                training: {steps: 40, eval_every: 20, lr: 3.0e-3, warmup: 5}
                runtime: {output: %s, threads: 1, checkpoint_every: 20}
                """.formatted(output));
        try (SmallDisk disk = SmallDisk.mount(output, SMALL)) {
            Cli.Result result = Cli.run("--debug", "run", file.toString());

            assertThat(result.code()).isEqualTo(1);
            assertThat(result.errLines().get(0)).startsWith("threshold: cannot ").contains("No space left on device");
            assertThat(result.err()).contains("\tat ");
        }
    }

    @Test
    void aSweepWhosePointFillsItsDiskRunsTheOthersAnalyzesThemAndListsTheFailure() throws IOException {
        Path file = PluginJars.runFile(dir, SmallSweep.NAME + ".yaml", SmallSweep.file(dir.resolve("sweeps")));
        assertThat(Cli.run("sweep", file.toString(), "--list").code()).isZero();
        SweepDirectory sweep = new SweepDirectory(dir.resolve("sweeps").resolve(SmallSweep.NAME));
        List<IndexEntry> points = sweep.readIndex().orElseThrow().points();
        Path full = sweep.runs().resolve(points.get(1).identity());
        // its logs, locks and first records fit in 48 KiB; its first checkpoint does not
        try (SmallDisk disk = SmallDisk.mount(full, 48 * 1024)) {
            Cli.Result result = Cli.run("sweep", file.toString());

            assertThat(result.code()).isEqualTo(1);
            String failed = result.errLines().stream().filter(l -> l.startsWith("failed: ")).findFirst().orElseThrow();
            assertThat(failed).startsWith("failed: " + points.get(1).describe() + ": exit code 1: threshold: cannot ")
                    .contains(full.toString()).contains(": No space left on device; what the run has saved is kept");
            assertThat(result.errLines()).last().isEqualTo("threshold: 1 of 3 grid points failed; run the sweep again to retry them "
                    + "(finished runs are kept)");
            assertThat(result.err()).doesNotContain("\tat ", "internal failure", "report it");
            assertThat(result.out()).contains("transition points (accuracy):");
            List<String> summary = Files.readAllLines(sweep.summaryCsv());
            assertThat(summary).hasSize(4);
            assertThat(summary.get(1)).contains(",finished,40,steps,");
            assertThat(summary.get(2)).contains(",failed,");
            assertThat(summary.get(3)).contains(",finished,40,steps,");
        }
    }
}
