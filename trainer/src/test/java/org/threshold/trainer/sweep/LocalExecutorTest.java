package org.threshold.trainer.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.api.sweep.PointOutcome;
import org.threshold.api.sweep.PointState;
import org.threshold.api.sweep.SweepCounts;
import org.threshold.api.sweep.SweepListener;
import org.threshold.api.sweep.SweepOutcome;
import org.threshold.api.sweep.SweepPoint;
import org.threshold.runs.run.RunDirectory;
import org.threshold.runs.run.RunResult;
import org.threshold.runs.run.StopReason;
import org.threshold.runs.sweep.PointFailure;
import org.threshold.runs.sweep.RunLock;
import org.threshold.testkit.SmallDisk;

/** The local executor: each point in its own process, failures recorded, reruns that skip and resume. */
class LocalExecutorTest {

    @TempDir
    Path root;

    @Test
    void aFailedPointIsRecordedAndTheSweepGoesOn() throws Exception {
        FakeSweep sweep = new FakeSweep(root, 4, 10, Map.of(1, 2));
        Recorder events = new Recorder();
        SweepOutcome outcome = sweep.run(4, 2, events);

        assertThat(outcome.points()).extracting(PointOutcome::state)
                .containsExactly(PointState.FINISHED, PointState.FAILED, PointState.FINISHED, PointState.FINISHED);
        PointFailure failure = PointFailure.read(sweep.directory().runs().resolve("point1")).orElseThrow();
        assertThat(failure.exitCode()).isEqualTo(7);
        assertThat(failure.stderrTail()).contains("something went wrong at step 2");
        assertThat(failure.command()).isEqualTo("fake run --index 1");
        assertThat(outcome.points().get(1).message()).isEqualTo("exit code 7: something went wrong at step 2 (runs/point1/failure.json)");
        assertThat(sweep.log(1, "steps.log")).containsExactly("1");
        assertThat(events.lines).contains("ended point 1 failed").last().asString().startsWith("ended");
        assertThat(events.lastCounts.done()).isEqualTo(3);
        assertThat(events.lastCounts.failed()).isEqualTo(1);
        assertThat(events.lastCounts.left()).isZero();
    }

    @Test
    void aRerunSkipsFinishedPointsAndRetriesTheOthers() throws Exception {
        FakeSweep failing = new FakeSweep(root, 4, 10, Map.of(2, 3));
        failing.run(3, 2, new Recorder());
        assertThat(PointFailure.read(failing.directory().runs().resolve("point2"))).isPresent();

        FakeSweep fixed = new FakeSweep(root, 4, 10, Map.of());
        Recorder events = new Recorder();
        SweepOutcome outcome = fixed.run(3, 2, events);

        assertThat(outcome.points()).extracting(PointOutcome::state)
                .containsExactly(PointState.SKIPPED, PointState.SKIPPED, PointState.FINISHED);
        assertThat(events.lines).containsExactly("starting", "ended point 0 skipped", "ended point 1 skipped",
                "started point 2", "ended point 2 finished");
        assertThat(fixed.log(0, "sessions.log")).as("a finished point is not started again").containsExactly("start 0");
        assertThat(fixed.log(2, "sessions.log")).as("the failed point resumes where it stopped").containsExactly("start 0", "start 2");
        assertThat(fixed.log(2, "steps.log")).isEqualTo(fixed.allSteps());
        assertThat(PointFailure.read(fixed.directory().runs().resolve("point2"))).as("a finished point keeps no failure").isEmpty();
    }

    @Test
    void aPointAnotherProcessHoldsIsLeftToItUntilItsLockIsFree() throws Exception {
        FakeSweep sweep = new FakeSweep(root, 3, 10, Map.of());
        RunDirectory finishedElsewhere = sweep.directory().run("point0");
        RunDirectory abandonedElsewhere = sweep.directory().run("point1");
        RunLock first = RunLock.tryAcquire(finishedElsewhere.path()).orElseThrow();
        RunLock second = RunLock.tryAcquire(abandonedElsewhere.path()).orElseThrow();
        Thread other = new Thread(() -> {
            try {
                Thread.sleep(1500);
                finishedElsewhere.writeResult(new RunResult(StopReason.STEPS, "trained elsewhere", "accuracy", OptionalDouble.of(0.9),
                        1000, 3, 3, OptionalDouble.empty(), Map.of(), Map.of(), "fake", "point0", "t", "m", 1.0));
                first.close();
                second.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        other.start();
        Recorder events = new Recorder();
        SweepOutcome outcome = sweep.run(3, 2, events);
        other.join();

        assertThat(outcome.points()).extracting(PointOutcome::state)
                .containsExactly(PointState.SKIPPED, PointState.FINISHED, PointState.FINISHED);
        assertThat(events.sawElsewhere).as("the display showed points running elsewhere").isTrue();
        assertThat(sweep.log(0, "sessions.log")).as("the point finished elsewhere was never started here").isEmpty();
        assertThat(sweep.log(1, "sessions.log")).containsExactly("start 0");
    }

    @Test
    void killingTheSweepStopsItsPointsAndARerunLosesNothingAndTrainsNothingTwice() throws Exception {
        int points = 4;
        int steps = 30;
        FakeSweep sweep = new FakeSweep(root, steps, 40, Map.of());
        Path log = root.resolve("sweep.log");
        Files.createDirectories(root);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), FakeSweep.class.getName(), root.toString(), Integer.toString(points),
                Integer.toString(steps), "40", "2")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!(finished(sweep, points) >= 2 && midway(sweep, points, steps).isPresent()) && System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the sweep must still run; " + Files.readString(log)).isTrue();
            Thread.sleep(20);
        }
        process.destroyForcibly(); // SIGKILL: the sweep cannot stop its points itself
        process.waitFor();
        int interrupted = midway(sweep, points, steps).orElseThrow();
        assertThat(finished(sweep, points)).as("the kill must land half way").isLessThan(points);

        // The points notice that their sweep is gone, stop, and release their locks.
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (anyLocked(sweep, points) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(anyLocked(sweep, points)).as("points of a killed sweep stop").isFalse();
        List<String> before = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            before.add(sweep.log(i, "sessions.log").toString());
        }

        SweepOutcome rerun = sweep.run(points, 2, new Recorder());

        assertThat(rerun.complete()).isTrue();
        for (int i = 0; i < points; i++) {
            assertThat(sweep.log(i, "steps.log")).as("point %d: every step trained once", i).isEqualTo(sweep.allSteps());
            List<String> sessions = sweep.log(i, "sessions.log");
            if (before.get(i).equals("[start 0]") && rerun.points().get(i).state() == PointState.SKIPPED) {
                assertThat(sessions).as("point %d finished before the kill", i).containsExactly("start 0");
            }
        }
        List<String> resumed = sweep.log(interrupted, "sessions.log");
        assertThat(resumed).hasSize(2);
        assertThat(Integer.parseInt(resumed.get(1).substring("start ".length()))).as("resumed, not restarted").isPositive();
        assertThat(rerun.points().stream().filter(p -> p.state() == PointState.SKIPPED).count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aFailureRecordThatCannotBeWrittenIsKeptInMemoryAndTheOtherPointsRun() throws Exception {
        FakeSweep sweep = new FakeSweep(root, 4, 10, Map.of(1, 2), Set.of(1));
        Path full = sweep.directory().runs().resolve("point1");
        try (SmallDisk disk = SmallDisk.mount(full, 64 * 1024)) {
            Recorder events = new Recorder();
            SweepOutcome outcome = sweep.run(4, 2, events);

            assertThat(outcome.points()).extracting(PointOutcome::state)
                    .containsExactly(PointState.FINISHED, PointState.FAILED, PointState.FINISHED, PointState.FINISHED);
            // stderr.log's last page had room for the point's last words; a new file has none
            assertThat(outcome.points().get(1).message()).isEqualTo("exit code 7: something went wrong at step 2 (its failure.json "
                    + "could not be written: cannot write " + full.resolve("failure.json") + ": No space left on device)");
            assertThat(full.resolve("failure.json")).doesNotExist();
            assertThat(events.lastCounts.failed()).isEqualTo(1);
            assertThat(events.lastCounts.done()).isEqualTo(3);
        }
    }

    @Test
    void aPointAnotherSweepRunsIsNotStartedAndItsLogsAreNotWrittenUntilThatSweepLetsGo() throws Exception {
        FakeSweep sweep = new FakeSweep(root, 3, 10, Map.of());
        Path point0 = sweep.directory().runs().resolve("point0");
        RunLock otherSweep = RunLock.tryAcquirePoint(point0).orElseThrow();
        Thread letGo = new Thread(() -> {
            try {
                Thread.sleep(2000);
                assertThat(point0.resolve("stdout.log")).as("no header, no process while the other sweep has it").doesNotExist();
                otherSweep.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        letGo.start();
        Recorder events = new Recorder();
        SweepOutcome outcome = sweep.run(2, 2, events);
        letGo.join();

        assertThat(outcome.complete()).isTrue();
        assertThat(events.sawElsewhere).isTrue();
        assertThat(sweep.log(0, "sessions.log")).containsExactly("start 0");
        assertThat(Files.readAllLines(point0.resolve("stdout.log"))).hasSize(1 + 3).first().asString().startsWith("--- ");
    }

    @Test
    void twoSweepsOnOneDirectoryNeverWriteIntoOneLogAtOnce() throws Exception {
        int points = 4;
        int steps = 15;
        FakeSweep sweep = new FakeSweep(root, steps, 20, Map.of());
        Path log = root.resolve("other-sweep.log");
        Files.createDirectories(root);
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), FakeSweep.class.getName(), root.toString(), Integer.toString(points),
                Integer.toString(steps), "20", "2")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        SweepOutcome here = sweep.run(points, 2, new Recorder());
        assertThat(other.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(here.complete()).as(Files.readString(log)).isTrue();
        assertThat(Files.readString(log)).endsWith("complete\n");
        for (int i = 0; i < points; i++) {
            assertThat(sweep.log(i, "steps.log")).as("point %d: every step trained once", i).isEqualTo(sweep.allSteps());
            List<List<String>> sections = sections(sweep.directory().runs().resolve(FakeSweep.identity(i)).resolve("stdout.log"));
            for (List<String> section : sections) {
                assertThat(section.stream().map(l -> l.substring(0, l.indexOf(':'))).distinct())
                        .as("point %d: one process per section of its stdout.log: %s", i, section).hasSizeLessThanOrEqualTo(1);
            }
        }
    }

    /** A log's sessions: the lines after each '---' header. */
    private static List<List<String>> sections(Path log) throws IOException {
        List<List<String>> sections = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("--- ")) {
                sections.add(new ArrayList<>());
            } else {
                assertThat(sections).as("a line before any header: " + line).isNotEmpty();
                sections.get(sections.size() - 1).add(line);
            }
        }
        return sections;
    }

    private static int finished(FakeSweep sweep, int points) {
        int n = 0;
        for (int i = 0; i < points; i++) {
            if (sweep.directory().run(FakeSweep.identity(i)).readResult().isPresent()) {
                n++;
            }
        }
        return n;
    }

    /** A point that has trained a few steps and has no result yet. */
    private static Optional<Integer> midway(FakeSweep sweep, int points, int steps) {
        for (int i = 0; i < points; i++) {
            int done = sweep.log(i, "steps.log").size();
            if (done >= 5 && done < steps - 5 && sweep.directory().run(FakeSweep.identity(i)).readResult().isEmpty()) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static boolean anyLocked(FakeSweep sweep, int points) {
        for (int i = 0; i < points; i++) {
            if (RunLock.isHeld(sweep.directory().runs().resolve(FakeSweep.identity(i)))) {
                return true;
            }
        }
        return false;
    }

    /** What the listener saw, one short line per event. */
    private static final class Recorder implements SweepListener {

        final List<String> lines = new ArrayList<>();
        SweepCounts lastCounts;
        boolean sawElsewhere;

        @Override
        public void starting(String layout, SweepCounts counts) {
            lines.add("starting");
            see(counts);
        }

        @Override
        public void started(SweepPoint point, SweepCounts counts) {
            lines.add("started point " + point.index());
            see(counts);
        }

        @Override
        public void ended(PointOutcome outcome, SweepCounts counts) {
            lines.add("ended point " + outcome.point().index() + " " + outcome.state().word());
            see(counts);
        }

        @Override
        public void waiting(SweepCounts counts) {
            see(counts);
        }

        private void see(SweepCounts counts) {
            lastCounts = counts;
            sawElsewhere |= counts.elsewhere() > 0;
        }
    }

    static String read(Path file) throws IOException {
        return Files.readString(file);
    }
}
