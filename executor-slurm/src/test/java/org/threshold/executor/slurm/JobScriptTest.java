package org.threshold.executor.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job script: the config's options as #SBATCH lines, the task's point, its logs, exec srun on the point command. */
class JobScriptTest {

    @TempDir
    Path dir;

    private static final List<String> COMMAND = List.of("/opt/java/bin/java", "-Xmx1g", "-cp", "/opt/threshold/app.jar:/opt/lib/*",
            "org.threshold.app.Threshold", "run", "/home/me/sweep file.yaml", "--index", "0");

    private JobScript script(String executor) {
        return new JobScript("grid", Path.of("/home/me/sweeps/grid"), Path.of("/home/me"), COMMAND,
                "threshold run /home/me/sweep file.yaml --index 0", Configs.bind(executor));
    }

    @Test
    void theClustersDefaultsStandUnlessAKeyIsSet() {
        String text = script("executor: {type: slurm}\n").text();
        assertThat(text.lines().filter(l -> l.startsWith("#SBATCH"))).containsExactly(
                "#SBATCH --job-name=threshold-grid",
                "#SBATCH --chdir=/home/me",
                "#SBATCH --output=/home/me/sweeps/grid/slurm/logs/%A_%a.log",
                "#SBATCH --open-mode=append",
                "#SBATCH --ntasks=1",
                "#SBATCH --cpus-per-task=1",
                "#SBATCH --requeue",
                "#SBATCH --signal=USR2@90");
    }

    @Test
    void setKeysAndExtraOptionsBecomeSbatchLinesAndSetupRunsBeforeThePoint() {
        String text = script("""
                executor:
                  type: slurm
                  partition: short
                  time: "1:00:00"
                  mem: 2G
                  account: lab
                  qos: low
                  cpus_per_task: 2
                  signal_seconds: 300
                  sbatch: [--constraint=skylake]
                  setup: [module load java/17]
                """).text();
        assertThat(text.lines().filter(l -> l.startsWith("#SBATCH"))).contains("#SBATCH --cpus-per-task=2",
                "#SBATCH --signal=USR2@300", "#SBATCH --partition=short", "#SBATCH --time=1:00:00", "#SBATCH --mem=2G",
                "#SBATCH --account=lab", "#SBATCH --qos=low", "#SBATCH --constraint=skylake");
        assertThat(text).containsSubsequence("module load java/17", "exec srun --ntasks=1 --cpus-per-task=2");
    }

    @Test
    void thePointCommandRunsAsTheJobStepWithTheTasksPointInPlaceOfTheIndex() {
        String text = script("executor: {type: slurm}\n").text();
        assertThat(text).contains("""
                exec srun --ntasks=1 --cpus-per-task=1 --output="$out" --error="$err" --open-mode=append \\
                  /opt/java/bin/java \\
                  -Xmx1g \\
                  -cp \\
                  '/opt/threshold/app.jar:/opt/lib/*' \\
                  org.threshold.app.Threshold \\
                  run \\
                  '/home/me/sweep file.yaml' \\
                  --index \\
                  "$point"
                """);
        assertThat(text).contains("read -r point identity < <(sed -n \"$((SLURM_ARRAY_TASK_ID + 1))p\" \"$1\")");
    }

    @Test
    void pathsWithSpacesAreQuotedForSbatchAndForBash() {
        String text = new JobScript("grid", Path.of("/home/me/my sweeps/grid"), Path.of("/home/me/my work"), COMMAND,
                "threshold run grid.yaml --index 0", Configs.bind("executor: {type: slurm}\n")).text();
        assertThat(text).contains("#SBATCH --chdir=\"/home/me/my work\"\n")
                .contains("#SBATCH --output=\"/home/me/my sweeps/grid/slurm/logs/%A_%a.log\"\n")
                .contains("runs='/home/me/my sweeps/grid/runs'\n");
    }

    @Test
    void aTaskRunsItsPointOrItsStackWithTheirOwnLogs() throws Exception {
        Path sweep = dir.resolve("my sweeps").resolve("grid");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        // srun's stand-in: says how it was called, as the job step would start
        Path srun = bin.resolve("srun");
        Files.writeString(srun, "#!/bin/bash\nprintf '%s\\n' \"$@\" >\"$SRUN_CALLED\"\n");
        srun.toFile().setExecutable(true);
        Path script = dir.resolve("job.sh");
        Files.writeString(script, new JobScript("grid", sweep, dir, COMMAND, "threshold run grid.yaml --index 0",
                Configs.bind("executor: {type: slurm}\n")).text());
        Path points = dir.resolve("array-1.points");
        Files.writeString(points, "3,5 aaa,bbb\n1 ccc\n");
        Files.createDirectories(sweep.resolve("runs").resolve("bbb"));
        Files.writeString(sweep.resolve("runs").resolve("bbb").resolve("failure.json"), "{}");

        List<String> stack = task(script, points, 0);
        assertThat(stack).containsSubsequence("--output=" + sweep.resolve("stacks").resolve("points-3,5.stdout.log"),
                "--error=" + sweep.resolve("stacks").resolve("points-3,5.stderr.log"), "--index", "3,5");
        assertThat(stack.get(stack.size() - 1)).isEqualTo("3,5");
        assertThat(Files.readString(sweep.resolve("stacks").resolve("points-3,5.stdout.log")))
                .startsWith("--- ").contains("Slurm task 7_0 (restart 0)", "threshold run grid.yaml --index 3,5");
        assertThat(sweep.resolve("runs").resolve("aaa")).isDirectory();
        assertThat(sweep.resolve("runs").resolve("bbb").resolve("failure.json")).as("a new attempt's failure is its own")
                .doesNotExist();
        assertThat(sweep.resolve("runs").resolve("aaa").resolve("stdout.log")).doesNotExist();

        List<String> alone = task(script, points, 1);
        assertThat(alone).containsSubsequence("--output=" + sweep.resolve("runs").resolve("ccc").resolve("stdout.log"),
                "--error=" + sweep.resolve("runs").resolve("ccc").resolve("stderr.log"));
        assertThat(alone.get(alone.size() - 1)).isEqualTo("1");
        assertThat(Files.readString(sweep.resolve("runs").resolve("ccc").resolve("stderr.log")))
                .contains("threshold run grid.yaml --index 1");
    }

    /** Runs the job script as array task {@code task} of job 7, with srun's stand-in; what srun was given. */
    private List<String> task(Path script, Path points, int task) throws Exception {
        Path called = dir.resolve("srun-" + task + ".args");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), points.toString()).redirectErrorStream(true);
        builder.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().put("SLURM_ARRAY_JOB_ID", "7");
        builder.environment().put("SLURM_ARRAY_TASK_ID", String.valueOf(task));
        builder.environment().put("SRUN_CALLED", called.toString());
        Process bash = builder.start();
        String said = new String(bash.getInputStream().readAllBytes());
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(said).isZero();
        return Files.readAllLines(called);
    }

    @Test
    void theScriptIsValidBash() throws Exception {
        Path script = dir.resolve("job.sh");
        Files.writeString(script, script("""
                executor: {type: slurm, setup: ["export A='x y'"], sbatch: [--exclusive]}
                """).text());
        Process bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(new String(bash.getInputStream().readAllBytes())).isZero();
    }
}
