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
                exec srun --ntasks=1 --cpus-per-task=1 --output="$run/stdout.log" --error="$run/stderr.log" --open-mode=append \\
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
