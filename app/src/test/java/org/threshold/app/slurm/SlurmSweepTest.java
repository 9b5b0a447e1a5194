package org.threshold.app.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threshold.app.slurm.SlurmSweeps.file;
import static org.threshold.app.slurm.SlurmSweeps.read;
import static org.threshold.app.slurm.SlurmSweeps.science;
import static org.threshold.app.slurm.SlurmSweeps.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.app.fixtures.Cli;
import org.threshold.executor.slurm.cluster.SingleNodeSlurm;
import org.threshold.runs.run.Numerics;
import org.threshold.runs.run.Provenance;
import org.threshold.runs.run.RunDirectory;
import org.threshold.runs.sweep.IndexEntry;
import org.threshold.runs.sweep.PointFailure;
import org.threshold.runs.sweep.SweepDirectory;

/**
 * threshold sweep with {@code executor: {type: slurm}} on a real single-node Slurm (no mock:
 * sbatch, squeue, scontrol and scancel of Debian's slurm-wlm, started by {@link SingleNodeSlurm},
 * MaxArraySize 5), each point a real training JVM started by srun.
 */
@Tag("slurm")
@ExtendWith(SingleNodeSlurm.class)
class SlurmSweepTest {

    private static final Pattern SUBMITTED = Pattern.compile("^submitted job array (\\d+): .*$", Pattern.MULTILINE);

    @TempDir
    Path dir;

    private final List<String> jobNames = new ArrayList<>();

    @AfterEach
    void cancelWhatATestLeft() {
        jobNames.forEach(SingleNodeSlurm::cancel);
    }

    private String job(String sweepName) {
        jobNames.add("threshold-" + sweepName);
        return "threshold-" + sweepName;
    }

    private static List<String> submitted(Cli.Result result) {
        List<String> ids = new ArrayList<>();
        Matcher m = SUBMITTED.matcher(result.out());
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @Test
    void aFourPointSweepRunsAsOneArrayThrottledToTwoWithTheResultsOfTheLocalExecutor() throws Exception {
        String grid = "{seed: [1, 2], model.d: [8, 16]}";
        Path local = file(dir, "four", dir.resolve("local"), grid, "{type: local, parallel: 2, threads: 1}", 60, 20, 20);
        Cli.Result byLocal = sweep(local);
        assertThat(byLocal.code()).as(byLocal.out() + byLocal.err()).isZero();

        String name = job("four");
        Path slurm = file(dir, "four", dir.resolve("slurm"), grid, "{type: slurm, parallel: 2, poll_seconds: 1}", 60, 20, 20);
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (watching.get()) {
                mostAtOnce.accumulateAndGet(SingleNodeSlurm.running(name).size(), Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.start();
        Cli.Result bySlurm = sweep(slurm);
        watching.set(false);
        watcher.join();

        assertThat(bySlurm.code()).as(bySlurm.out() + bySlurm.err()).isZero();
        List<String> arrays = submitted(bySlurm);
        assertThat(arrays).as("one array").hasSize(1);
        assertThat(bySlurm.out()).contains("submitted job array " + arrays.get(0) + ": 4 grid points (points 0-3)");
        assertThat(SingleNodeSlurm.command("scontrol", "show", "job", arrays.get(0))).contains("ArrayTaskThrottle=2");
        assertThat(mostAtOnce.get()).as("tasks running at once (the cluster would run 8: OverSubscribe=FORCE on 2 CPUs)")
                .isEqualTo(2);
        Path sweepDirectory = dir.resolve("slurm").resolve("four");
        assertThat(read(sweepDirectory.resolve("slurm").resolve("arrays.tsv")).lines()).singleElement().asString()
                .startsWith(arrays.get(0) + "\tarray-1.points\t4\t");
        assertThat(science(sweepDirectory)).as("every result.json and metrics.jsonl, timing aside")
                .isEqualTo(science(dir.resolve("local").resolve("four"))).hasSize(4);
        assertThat(bySlurm.out()).as("analyzed as with the local executor").contains("summary   " + sweepDirectory.resolve("summary.csv"));
    }

    @Test
    void preemptionCheckpointsAtTheStepItFoundRequeuesAndResumesThereToTheUninterruptedMetrics() throws Exception {
        // no periodic checkpoint before the end: a resumption can only start from the signal's
        String grid = "{seed: [1, 2]}";
        Path local = file(dir, "preempt", dir.resolve("local"), grid, "{type: local, parallel: 2, threads: 1}", 2000, 100, 100_000);
        Cli.Result uninterrupted = sweep(local);
        assertThat(uninterrupted.code()).as(uninterrupted.out() + uninterrupted.err()).isZero();

        job("preempt");
        Path slurm = file(dir, "preempt", dir.resolve("slurm"), grid, "{type: slurm, poll_seconds: 1}", 2000, 100, 100_000);
        Cli.Result detached = sweep(slurm, "--detach");
        assertThat(detached.code()).as(detached.out() + detached.err()).isZero();
        String array = submitted(detached).get(0);
        Path sweepDirectory = dir.resolve("slurm").resolve("preempt");
        List<IndexEntry> points = SlurmSweeps.points(sweepDirectory);
        List<String> tasks = read(sweepDirectory.resolve("slurm").resolve("array-1.points")).lines().toList();
        RunDirectory usr2 = run(sweepDirectory, tasks.get(0));
        RunDirectory requeued = run(sweepDirectory, tasks.get(1));
        awaitEvaluations(usr2, 2);
        SingleNodeSlurm.command("scancel", "--signal=USR2", array + "_0");
        awaitEvaluations(requeued, 2);
        SingleNodeSlurm.command("scontrol", "requeue", array + "_1");

        Cli.Result attached = sweep(slurm);
        assertThat(attached.code()).as(attached.out() + attached.err()).isZero();
        assertThat(submitted(attached)).as("both points were queued: nothing submitted again").isEmpty();

        long signalled = stoppedAt(usr2, "SIGUSR2");
        assertThat(read(usr2.path().resolve("stderr.log"))).contains("threshold: requeued Slurm task " + array + "_0: it resumes "
                + "from this checkpoint when Slurm starts it again");
        assertThat(usr2.readProvenance().orElseThrow().resumed()).extracting(Provenance.Resumption::step)
                .as("resumed at exactly the step USR2 found").containsExactly(signalled);
        long terminated = stoppedAt(requeued, "SIGTERM");
        assertThat(requeued.readProvenance().orElseThrow().resumed()).extracting(Provenance.Resumption::step)
                .as("scontrol requeue: Slurm's SIGTERM checkpointed the step, the newest checkpoint").containsExactly(terminated);
        for (RunDirectory run : List.of(usr2, requeued)) {
            assertThat(read(run.path().resolve("stdout.log")))
                    .as("the log is appended to: the first attempt's lines stay").containsSubsequence("(restart 0)", "step 100/2,000",
                            "(restart 1)", "resuming from the checkpoint at step", "step 2,000/2,000");
        }
        assertThat(science(sweepDirectory)).as("final metrics equal an uninterrupted run's")
                .isEqualTo(science(dir.resolve("local").resolve("preempt"))).hasSize(points.size());
    }

    @Test
    void aSweepLargerThanMaxArraySizeIsSplitIntoSeveralArraysAndFinishes() {
        job("seven");
        Path slurm = file(dir, "seven", dir.resolve("slurm"), "{seed: [1, 2, 3, 4, 5, 6, 7]}", "{type: slurm, parallel: 2, poll_seconds: 1}",
                20, 10, 10);
        Cli.Result result = sweep(slurm);
        assertThat(result.code()).as(result.out() + result.err()).isZero();
        List<String> arrays = submitted(result);
        assertThat(arrays).as("MaxArraySize is 5 on the test cluster").hasSize(2);
        assertThat(result.out()).contains("submitted job array " + arrays.get(0) + ": 5 grid points")
                .contains("submitted job array " + arrays.get(1) + ": 2 grid points")
                .contains("after job array " + arrays.get(0) + ";");
        Path sweepDirectory = dir.resolve("slurm").resolve("seven");
        assertThat(read(sweepDirectory.resolve("slurm").resolve("arrays.tsv")).lines()).hasSize(2);
        for (IndexEntry point : SlurmSweeps.points(sweepDirectory)) {
            assertThat(run(sweepDirectory, point.identity()).readResult()).as(point.describe()).hasValueSatisfying(r ->
                    assertThat(r.finished()).isTrue());
        }
    }

    @Test
    void aFailingPointIsReportedWithItsLogWhileTheOthersFinishAndASecondSweepSubmitsOnlyIt() throws Exception {
        job("failing");
        Path slurm = file(dir, "failing", dir.resolve("slurm"), "{seed: [1, 2, 3]}", "{type: slurm, poll_seconds: 1}", 20, 10, 10);
        assertThat(sweep(slurm, "--list").code()).isZero();
        Path sweepDirectory = dir.resolve("slurm").resolve("failing");
        IndexEntry broken = SlurmSweeps.points(sweepDirectory).get(1);
        Path blocker = sweepDirectory.resolve("runs").resolve(broken.identity()).resolve("checkpoints");
        Files.createDirectories(blocker.getParent());
        Files.writeString(blocker, "a file where the run's checkpoints directory goes: the run cannot save one\n");

        Cli.Result first = sweep(slurm);
        assertThat(first.code()).as(first.out() + first.err()).isEqualTo(1);
        String array = submitted(first).get(0);
        int task = read(sweepDirectory.resolve("slurm").resolve("array-1.points")).lines().toList()
                .indexOf(broken.index() + " " + broken.identity());
        assertThat(first.err()).contains("failed: " + broken.describe() + ": Slurm task " + array + "_" + task + " ended FAILED "
                + "(exit code 1) without a result: threshold: ").containsPattern("without a result: threshold: [^\n]*checkpoints")
                .contains("(log runs/" + broken.identity() + "/stderr.log, slurm/logs/" + array
                + "_" + task + ".log)").contains("threshold: 1 of 3 grid points failed");
        PointFailure failure = PointFailure.read(sweepDirectory.resolve("runs").resolve(broken.identity())).orElseThrow();
        assertThat(failure.exitCode()).isEqualTo(1);
        assertThat(failure.stderrTail()).anySatisfy(line -> assertThat(line).contains("checkpoints"));
        for (IndexEntry point : SlurmSweeps.points(sweepDirectory)) {
            assertThat(run(sweepDirectory, point.identity()).readResult().isPresent()).as(point.describe())
                    .isEqualTo(point.index() != broken.index());
        }

        Files.delete(blocker);
        Cli.Result second = sweep(slurm);
        assertThat(second.code()).as(second.out() + second.err()).isZero();
        assertThat(second.out()).contains("3 grid points: 2 finished before, 1 failed before, 1 to run")
                .contains(": 1 grid point (point " + broken.index() + ")");
        assertThat(submitted(second)).hasSize(1);
        assertThat(run(sweepDirectory, broken.identity()).readResult()).isPresent();
        assertThat(sweepDirectory.resolve("runs").resolve(broken.identity()).resolve(PointFailure.FILE)).doesNotExist();
    }

    @Test
    void detachReturnsOnceSubmittedAndRunningTheSweepAgainFollowsItsArraysSubmittingNothingTwice() {
        String name = job("detached");
        Path slurm = file(dir, "detached", dir.resolve("slurm"), "{seed: [1, 2]}", "{type: slurm, poll_seconds: 1}", 400, 100, 100);
        Cli.Result detached = sweep(slurm, "--detach");
        assertThat(detached.code()).as(detached.out() + detached.err()).isZero();
        String array = submitted(detached).get(0);
        assertThat(detached.out()).contains("detached: job array " + array + " go on in Slurm's queue; running the same threshold "
                + "sweep command again follows them (submitting nothing twice), 'scancel " + array + "' cancels them")
                .contains("threshold sweep " + slurm + " follows the points again")
                .doesNotContain("transition points");
        assertThat(SingleNodeSlurm.queued(name)).as("the tasks are in the queue").hasSize(2);

        Cli.Result attached = sweep(slurm);
        assertThat(attached.code()).as(attached.out() + attached.err()).isZero();
        assertThat(submitted(attached)).isEmpty();
        assertThat(attached.out()).contains("2 grid points are queued already (job arrays " + array + "): following, not submitting again")
                .contains("transition points");
        assertThat(read(dir.resolve("slurm").resolve("detached").resolve("slurm").resolve("arrays.tsv")).lines()).hasSize(1);
    }

    @Test
    void ctrlCStopsFollowingAndSaysTheJobsGoOn() throws Exception {
        String name = job("interrupted");
        Path slurm = file(dir, "interrupted", dir.resolve("slurm"), "{seed: [1, 2]}", "{type: slurm, poll_seconds: 1}", 4000, 500, 500);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path output = dir.resolve("sweep.out");
        Process sweep = new ProcessBuilder(java, "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                "org.threshold.app.Threshold", "sweep", slurm.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!(Files.exists(output) && read(output).contains("started  point")) && sweep.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(sweep.isAlive()).as(read(output)).isTrue();
        new ProcessBuilder("kill", "-INT", Long.toString(sweep.pid())).start().waitFor();
        assertThat(sweep.waitFor(1, TimeUnit.MINUTES)).isTrue();
        String out = read(output);
        Matcher m = SUBMITTED.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        assertThat(out).contains("detached: job array " + m.group(1) + " go on in Slurm's queue");
        assertThat(SingleNodeSlurm.queued(name)).as("Ctrl-C cancels nothing").isNotEmpty();
    }

    @Test
    void aDryRunPrintsTheScriptAndTheArraysAndSubmitsNothing() {
        String name = job("dry");
        Path slurm = file(dir, "dry", dir.resolve("slurm"), "{seed: [1, 2, 3, 4, 5, 6, 7]}",
                "{type: slurm, parallel: 2, partition: debug, time: \"10:00\"}", 20, 10, 10);
        Cli.Result result = sweep(slurm, "--dry-run");
        assertThat(result.code()).as(result.out() + result.err()).isZero();
        Path scripts = dir.resolve("slurm").resolve("dry").resolve("slurm");
        assertThat(result.out()).contains("#SBATCH --partition=debug\n#SBATCH --time=10:00\n")
                .contains("#SBATCH --signal=USR2@90\n")
                .contains("exec srun --ntasks=1 --cpus-per-task=1")
                .contains("7 to submit; MaxArraySize 5.")
                .contains("sbatch --parsable --array=0-4%2 " + scripts.resolve("job.sh") + " " + scripts.resolve("array-1.points"))
                .contains("sbatch --parsable --array=0-1%2 --dependency=afterany:<the array above> " + scripts.resolve("job.sh") + " "
                        + scripts.resolve("array-2.points"))
                .endsWith("--dry-run: nothing started\n");
        assertThat(scripts).doesNotExist();
        assertThat(SingleNodeSlurm.queued(name)).isEmpty();
    }

    @Test
    void stacksTrainAsOneTaskEachWithTheirLogsAndResumeAfterUsr2ToTheLocalExecutorsStackedMetrics() throws Exception {
        String grid = "{seed: [1, 2], model.d: [8, 16]}";
        Path local = file(dir, "stacked", dir.resolve("local"), grid, "{type: local, parallel: 2, threads: 1, stack: 2}", 2000, 100,
                100_000);
        Cli.Result byLocal = sweep(local);
        assertThat(byLocal.code()).as(byLocal.out() + byLocal.err()).isZero();

        job("stacked");
        Path slurm = file(dir, "stacked", dir.resolve("slurm"), grid, "{type: slurm, stack: 2, poll_seconds: 1}", 2000, 100, 100_000);
        Cli.Result detached = sweep(slurm, "--detach");
        assertThat(detached.code()).as(detached.out() + detached.err()).isZero();
        String array = submitted(detached).get(0);
        assertThat(detached.out()).contains("submitted job array " + array + ": 4 grid points (points 0-3) in 2 tasks, 2 of them "
                + "stacks trained as one");
        Path sweepDirectory = dir.resolve("slurm").resolve("stacked");
        SweepDirectory sweep = new SweepDirectory(sweepDirectory);
        List<IndexEntry> points = SlurmSweeps.points(sweepDirectory);
        List<String> tasks = read(sweepDirectory.resolve("slurm").resolve("array-1.points")).lines().toList();
        assertThat(tasks).as("a task per stack: \"I,J identityI,identityJ\"").hasSize(2).allMatch(l -> l.matches("\\d,\\d \\w+,\\w+"));
        List<Integer> first = Arrays.stream(tasks.get(0).split(" ")[0].split(",")).map(Integer::valueOf).toList();
        List<RunDirectory> members = Arrays.stream(tasks.get(0).split(" ")[1].split(",")).map(id -> run(sweepDirectory, id)).toList();
        assertThat(points.get(first.get(0)).parameters()).as("one shape in a stack").isEqualTo(points.get(first.get(1)).parameters());
        for (RunDirectory member : members) {
            awaitEvaluations(member, 3);
        }
        SingleNodeSlurm.command("scancel", "--signal=USR2", array + "_0");

        Cli.Result attached = sweep(slurm);
        assertThat(attached.code()).as(attached.out() + attached.err()).isZero();
        assertThat(submitted(attached)).as("both stacks were queued: nothing submitted again").isEmpty();

        String stderr = read(sweep.stackStderr(first));
        assertThat(stderr).contains("threshold: requeued Slurm task " + array + "_0: it resumes from this checkpoint when Slurm "
                + "starts it again");
        assertThat(read(sweep.stackStdout(first))).as("one log for the stack, appended to by each attempt")
                .containsSubsequence("(restart 0)", "point " + first.get(0) + ": step 100/2,000", "(restart 1)",
                        "point " + first.get(1) + ": step 2,000/2,000");
        for (RunDirectory member : members) {
            List<Long> resumed = member.readProvenance().orElseThrow().resumed().stream().map(Provenance.Resumption::step).toList();
            assertThat(resumed).as("resumed once, mid-run, where USR2 found the stack").hasSize(1).allMatch(s -> s > 200 && s < 2000);
            assertThat(read(member.path().resolve("stack.txt"))).contains("trains in the stack of points " + first.get(0) + ","
                    + first.get(1), "stacks/points-" + first.get(0) + "," + first.get(1) + ".stdout.log");
            assertThat(member.readResult().orElseThrow().numerics().flatMap(Numerics::stack).map(Numerics.Stack::members))
                    .as("numerics.stack in result.json").contains(first);
            assertThat(member.path().resolve("stdout.log")).as("a stack's members have the stack's log").doesNotExist();
        }
        assertThat(science(sweepDirectory)).as("final metrics equal the same stacks trained by the local executor, uninterrupted")
                .isEqualTo(science(dir.resolve("local").resolve("stacked"))).hasSize(points.size());
    }

    private static RunDirectory run(Path sweepDirectory, String taskLineOrIdentity) {
        String identity = taskLineOrIdentity.contains(" ") ? taskLineOrIdentity.split(" ")[1] : taskLineOrIdentity;
        return RunDirectory.under(sweepDirectory.resolve("runs"), identity);
    }

    private static void awaitEvaluations(RunDirectory run, int evaluations) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (Files.exists(run.metrics().file()) && read(run.metrics().file()).lines().count() >= evaluations) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + evaluations + " evaluations in " + run.path() + " after 3 minutes: "
                + (Files.exists(run.path().resolve("stderr.log")) ? read(run.path().resolve("stderr.log")) : "no log"));
    }

    /** The step the run's log says a signal stopped it at, with a checkpoint of that step on disk. */
    private static long stoppedAt(RunDirectory run, String signal) throws IOException {
        String log = read(run.path().resolve("stderr.log"));
        Matcher m = Pattern.compile("threshold: stopped by " + signal + " at step (\\d+) of 2000; its checkpoint is (\\S+), and the "
                + "same command resumes the run from that step").matcher(log);
        assertThat(m.find()).as(log).isTrue();
        long step = Long.parseLong(m.group(1));
        assertThat(step).as("mid-run").isBetween(200L, 1999L);
        return step;
    }
}
