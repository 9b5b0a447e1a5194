package org.threshold.executor.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.api.sweep.PointCommand;
import org.threshold.api.sweep.StackShape;
import org.threshold.api.sweep.SweepExecutorException;
import org.threshold.api.sweep.SweepJob;
import org.threshold.api.sweep.SweepListener;
import org.threshold.api.sweep.SweepPoint;

/** The slurm executor where there is no Slurm: a clear error naming it, and a dry run that still shows the script. */
class SlurmExecutorTest {

    @TempDir
    Path dir;

    private SweepJob job(int points) {
        List<SweepPoint> list = new java.util.ArrayList<>();
        for (int i = 0; i < points; i++) {
            list.add(new SweepPoint(i, "id" + i, "MAX", Optional.empty(), Map.of("seed", Integer.toString(i)), 1000L + i, i, i,
                    "accuracy"));
        }
        return job(list);
    }

    /** Points of two shapes, 1,000 and 2,000 parameters, alternating; point 4 trains alone. */
    private SweepJob shapedJob(int points) {
        List<SweepPoint> list = new java.util.ArrayList<>();
        for (int i = 0; i < points; i++) {
            StackShape shape = i == 4 ? StackShape.alone("dropout 0.1 does not stack") : StackShape.of(i % 2);
            list.add(new SweepPoint(i, "id" + i, "MAX", Optional.empty(), Map.of("seed", Integer.toString(i)), 1000L * (1 + i % 2), i,
                    i, "accuracy", shape));
        }
        return job(list);
    }

    private SweepJob job(List<SweepPoint> list) {
        return new SweepJob("grid", dir.resolve("sweeps").resolve("grid"), list, new PointCommand() {
            @Override
            public List<String> arguments(int index, int threads) {
                return List.of("/opt/java/bin/java", "run", "/home/me/grid.yaml", "--index", Integer.toString(index));
            }

            @Override
            public String display(int index) {
                return "threshold run grid.yaml --index " + index;
            }
        });
    }

    /** A PATH with no Slurm commands on it: an empty directory. */
    private Slurm noSlurm() throws Exception {
        return new Slurm(Map.of("PATH", Files.createDirectories(dir.resolve("bin")).toString()));
    }

    @Test
    void withoutSbatchOnThePathTheSweepStopsWithAnErrorNamingTheExecutor() throws Exception {
        SlurmExecutor executor = new SlurmExecutor(SlurmExecutorConfig.defaults(), noSlurm(), dir);
        assertThatThrownBy(() -> executor.execute(job(2), SweepListener.NONE)).isInstanceOf(SweepExecutorException.class)
                .hasMessage("the slurm executor (sweep.executor.type: slurm) needs Slurm's sbatch on the PATH, and this machine has "
                        + "none: run threshold sweep on the cluster's login node, or choose another executor "
                        + "(sweep.executor.type: local); threshold sweep --dry-run shows the job script without Slurm");
        assertThatThrownBy(() -> executor.detach(job(2), SweepListener.NONE)).isInstanceOf(SweepExecutorException.class)
                .hasMessageStartingWith("the slurm executor (sweep.executor.type: slurm) needs Slurm's sbatch on the PATH");
        assertThat(dir.resolve("sweeps").resolve("grid").resolve("slurm")).doesNotExist();
    }

    @Test
    void aDryRunWithoutSlurmShowsTheScriptAndTheArraysOfSlurmsDefaultMaxArraySize() throws Exception {
        SlurmExecutor executor = new SlurmExecutor(Configs.bind("executor: {type: slurm, parallel: 2}\n"), noSlurm(), dir);
        String text = executor.dryRun(job(3)).orElseThrow();
        Path slurm = dir.resolve("sweeps").resolve("grid").resolve("slurm");
        assertThat(text).startsWith("# The job script (" + slurm.resolve("job.sh") + "):\n#!/bin/bash\n")
                .contains("#SBATCH --signal=USR2@90\n")
                .contains("# --dry-run: nothing submitted. 0 finished, 0 queued or running elsewhere, 3 to submit; MaxArraySize 1001 "
                        + "(no Slurm commands on this machine: Slurm's default MaxArraySize, and no point counted as queued).\n")
                .contains("sbatch --parsable --array=0-2%2 " + slurm.resolve("job.sh") + " " + slurm.resolve("array-1.points") + "\n")
                .contains("#   0: 2 id2\n#   1: 1 id1\n#   2: 0 id0\n");
        assertThat(slurm).as("a dry run writes nothing").doesNotExist();
    }

    @Test
    void withStackEachTaskTrainsTheStackOfPointsOfOneShapeAndAPointThatCannotStackAlone() throws Exception {
        SlurmExecutor executor = new SlurmExecutor(Configs.bind("executor: {type: slurm, stack: 2}\n"), noSlurm(), dir);
        String text = executor.dryRun(shapedJob(7)).orElseThrow();
        assertThat(text).contains("# point 4 MAX seed=4 (id4) trains alone: dropout 0.1 does not stack\n")
                .contains("sbatch --parsable --array=0-4 ")
                .as("larger models first; members ascending").contains("#   0: 1,3 id1,id3\n#   1: 5 id5\n#   2: 0,2 id0,id2\n"
                        + "#   3: 4 id4\n#   4: 6 id6\n");
        assertThat(executor.layout()).endsWith(", points of one shape in stacks of 2, one task each");

        SlurmExecutor auto = new SlurmExecutor(Configs.bind("executor: {type: slurm, stack: auto}\n"), noSlurm(), dir);
        assertThat(auto.dryRun(shapedJob(7)).orElseThrow()).as("auto without a throttle: one stack per shape, at most 8")
                .contains("#   0: 1,3,5 id1,id3,id5\n#   1: 0,2,6 id0,id2,id6\n#   2: 4 id4\n");
        SlurmExecutor spread = new SlurmExecutor(Configs.bind("executor: {type: slurm, stack: auto, parallel: 2}\n"), noSlurm(), dir);
        assertThat(spread.dryRun(shapedJob(7)).orElseThrow()).as("auto with parallel 2: three tasks keep two busy, so one stack per shape")
                .contains("#   0: 1,3,5 id1,id3,id5\n#   1: 0,2,6 id0,id2,id6\n#   2: 4 id4\n");
        SlurmExecutor wide = new SlurmExecutor(Configs.bind("executor: {type: slurm, stack: auto, parallel: 4}\n"), noSlurm(), dir);
        assertThat(wide.dryRun(shapedJob(7)).orElseThrow()).as("auto with parallel 4: the first shape's stack is split for a fourth task")
                .contains("#   0: 1,3 id1,id3\n#   1: 5 id5\n#   2: 0,2,6 id0,id2,id6\n#   3: 4 id4\n");
    }

    @Test
    void aTaskLineIsAPointOrAStacksMembers() {
        assertThat(SlurmFiles.Task.parse("3 abc")).isEqualTo(new SlurmFiles.Task(List.of(3), List.of("abc")));
        assertThat(SlurmFiles.Task.parse("3,5,7 a,b,c")).isEqualTo(new SlurmFiles.Task(List.of(3, 5, 7), List.of("a", "b", "c")));
        assertThat(SlurmFiles.Task.parse("3,5 a").points()).as("not a task line").isEmpty();
        assertThat(SlurmFiles.Task.parse("3,5 a,b").line()).isEqualTo("3,5 a,b");
    }

    @Test
    void pointsBeyondMaxArraySizeFallIntoSeveralArrays() {
        assertThat(SlurmExecutor.chunks(List.of(1, 2, 3, 4, 5, 6, 7), 5)).containsExactly(List.of(1, 2, 3, 4, 5), List.of(6, 7));
        assertThat(SlurmExecutor.chunks(List.of(1, 2, 3), 3)).containsExactly(List.of(1, 2, 3));
    }

    @Test
    void aSignalOtherThanSlurmsWarningOrOutsideAnArrayTaskRequeuesNothing() throws Exception {
        SlurmExecutor executor = new SlurmExecutor(SlurmExecutorConfig.defaults(), noSlurm(), dir);
        assertThat(executor.stoppedBySignal("SIGTERM", Map.of("SLURM_ARRAY_JOB_ID", "12", "SLURM_ARRAY_TASK_ID", "3"))).isEmpty();
        assertThat(executor.stoppedBySignal("SIGUSR2", Map.of("SLURM_JOB_ID", "12"))).isEmpty();
        assertThat(executor.stoppedBySignal("SIGUSR2", Map.of("PATH", dir.toString(), "SLURM_ARRAY_JOB_ID", "12",
                "SLURM_ARRAY_TASK_ID", "3"))).hasValueSatisfying(line -> assertThat(line)
                .startsWith("could not requeue Slurm task 12_3 (the slurm executor (sweep.executor.type: slurm) needs Slurm's "
                        + "scontrol on the PATH"));
    }

    /** A stand-in scontrol: {@code requeue} ends on SIGTERM as Slurm's own kill of the task does; {@code show job} says STATE. */
    private Map<String, String> scontrolKilledOnRequeue(String show) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path scontrol = bin.resolve("scontrol");
        Files.writeString(scontrol, """
                #!/bin/sh
                case "$1" in
                  requeue) kill -TERM $$ ;;
                  show) echo '%s'; exit 0 ;;
                esac
                exit 2
                """.formatted(show));
        Files.setPosixFilePermissions(scontrol, PosixFilePermissions.fromString("rwxr-xr-x"));
        return Map.of("PATH", bin.toString(), "SLURM_ARRAY_JOB_ID", "12", "SLURM_ARRAY_TASK_ID", "3", "SLURM_RESTART_COUNT", "1");
    }

    @Test
    void aRequeueWhoseScontrolSlurmEndedWithTheTaskIsReadFromTheJobsRecord() throws Exception {
        SlurmExecutor executor = new SlurmExecutor(SlurmExecutorConfig.defaults(), noSlurm(), dir);
        assertThat(executor.stoppedBySignal("SIGUSR2", scontrolKilledOnRequeue(
                "JobId=13 ArrayJobId=12 ArrayTaskId=3 JobState=RUNNING Reason=None Requeue=1 Restarts=2 BatchFlag=1")))
                .as("the restart count went past the one the task started with").hasValue(
                        "requeued Slurm task 12_3: it resumes from this checkpoint when Slurm starts it again");
        assertThat(executor.stoppedBySignal("SIGUSR2", scontrolKilledOnRequeue(
                "JobId=13 ArrayJobId=12 ArrayTaskId=3 JobState=REQUEUED Reason=None Requeue=1 Restarts=1")))
                .as("the state says requeued").hasValue(
                        "requeued Slurm task 12_3: it resumes from this checkpoint when Slurm starts it again");
        assertThat(executor.stoppedBySignal("SIGUSR2", scontrolKilledOnRequeue(
                "JobId=13 ArrayJobId=12 ArrayTaskId=3 JobState=RUNNING Reason=None Requeue=1 Restarts=1")))
                .as("neither: the request was not taken").hasValueSatisfying(line -> assertThat(line)
                .startsWith("could not requeue Slurm task 12_3 (scontrol requeue 12_3 failed (exit code 143)); running threshold sweep"));
    }
}
