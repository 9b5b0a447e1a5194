package org.threshold.app.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.app.fixtures.Cli;

/**
 * The slurm executor as the threshold command sees it, without a cluster: a built-in plugin,
 * its config checked like every section, and the options that need an executor whose points run
 * elsewhere.
 */
class SlurmExecutorOptionsTest {

    @TempDir
    Path dir;

    @Test
    void thresholdPluginsListsTheSlurmExecutor() {
        Cli.Result result = Cli.run("plugins");
        assertThat(result.code()).isZero();
        assertThat(result.outLines()).anySatisfy(line -> assertThat(line).matches("executor\\s+slurm\\s+Submits the grid points to "
                + "Slurm as job arrays.*"));
    }

    @Test
    void aBadSlurmKeyIsAConfigProblemAtItsLineAndColumnBeforeAnythingIsSubmitted() {
        Path file = SlurmSweeps.file(dir, "bad", dir.resolve("out"), "{seed: [1, 2]}", "{type: slurm, partiton: short, time: soon}",
                20, 10, 10);
        Cli.Result result = SlurmSweeps.sweep(file, "--list");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.errLines()).containsExactly(
                file + ":11:27: sweep.executor.partiton: expected one of the keys type, partition, time, mem, account, qos, "
                        + "cpus_per_task, threads, parallel, signal_seconds, sbatch, setup, poll_seconds, stack, found 'partiton' (did you "
                        + "mean 'partition'?)",
                file + ":11:44: sweep.executor.time: expected a Slurm time limit (minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM or "
                        + "D-HH:MM:SS), found 'soon'");
    }

    @Test
    void detachNeedsAnExecutorWhosePointsRunElsewhere() {
        Path file = SlurmSweeps.file(dir, "here", dir.resolve("out"), "{seed: [1, 2]}", "{type: local}", 20, 10, 10);
        Cli.Result result = SlurmSweeps.sweep(file, "--detach");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("threshold: --detach: the local executor runs the points as this command's own "
                + "processes, which stop with it; --detach needs an executor whose points run elsewhere (sweep.executor.type: "
                + "slurm)\n");
    }

    @Test
    void aDryRunOfTheLocalExecutorPrintsEachPointsCommandAndTrainsNothing() {
        Path file = SlurmSweeps.file(dir, "here", dir.resolve("out"), "{seed: [1, 2]}", "{type: local}", 20, 10, 10);
        Cli.Result result = SlurmSweeps.sweep(file, "--dry-run");
        assertThat(result.code()).isZero();
        assertThat(result.outLines()).endsWith("threshold run " + file + " --index 0", "threshold run " + file + " --index 1",
                "--dry-run: nothing started");
        assertThat(dir.resolve("out").resolve("here").resolve("runs")).isEmptyDirectory();
    }
}
