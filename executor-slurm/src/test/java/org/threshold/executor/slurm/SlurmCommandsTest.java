package org.threshold.executor.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.executor.slurm.cluster.SingleNodeSlurm;

/** What the executor reads from Slurm, read from a real one: its MaxArraySize, and array tasks as squeue lists them. */
@Tag("slurm")
@ExtendWith(SingleNodeSlurm.class)
class SlurmCommandsTest {

    @TempDir
    Path dir;

    private final Slurm slurm = new Slurm(System.getenv());

    @Test
    void theClustersMaxArraySizeIsReadFromItsConfiguration() {
        assertThat(slurm.maxArraySize()).as("the test cluster's slurm.conf sets it low").isEqualTo(5);
    }

    @Test
    void endedTasksAreListedWithTheirStateAndExitCode() throws Exception {
        Path script = dir.resolve("ends.sh");
        Files.writeString(script, """
                #!/bin/bash
                #SBATCH --job-name=threshold-test-ends
                #SBATCH --output=%s/%%A_%%a.log
                case "$SLURM_ARRAY_TASK_ID" in
                  0) exit 0 ;;
                  1) exit 3 ;;
                  2) kill -9 $$ ;;
                esac
                """.formatted(dir));
        String id = slurm.submit(List.of("--array=0-2"), script, List.of());
        try {
            List<ArrayTask> tasks = List.of();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (System.nanoTime() < deadline) {
                tasks = slurm.tasks(List.of(id));
                if (tasks.size() == 3 && tasks.stream().noneMatch(ArrayTask::active)) {
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(tasks.stream().sorted(Comparator.comparingInt(ArrayTask::taskId)).toList())
                    .extracting(ArrayTask::taskId, ArrayTask::state, ArrayTask::processExitCode, ArrayTask::describeExit)
                    .containsExactly(
                            tuple(0, "COMPLETED", 0, "exit code 0"),
                            tuple(1, "FAILED", 3, "exit code 3"),
                            tuple(2, "FAILED", 137, "signal 9"));
            assertThat(tasks).allSatisfy(t -> assertThat(t.arrayJobId()).isEqualTo(id));
        } finally {
            SingleNodeSlurm.command("scancel", id);
        }
    }

    @Test
    void jobsSlurmHasForgottenAreAnEmptyQueue() {
        assertThat(slurm.tasks(List.of("999999"))).isEmpty();
    }
}
