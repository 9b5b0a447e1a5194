package org.threshold.trainer.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.threshold.runs.run.RunDirectory;
import org.threshold.runs.run.RunResult;
import org.threshold.runs.run.StopReason;
import org.threshold.runs.sweep.RunLock;

/**
 * A grid point's process for executor tests, behaving as {@code threshold run SWEEP --index I}
 * does without a model: it exits at once when its run has a result, exits 0 without training when
 * another process holds the run's lock, resumes where it stopped (each step is one line of
 * steps.log, so the log is the checkpoint), writes result.json at the end, and stops when the
 * sweep that started it is gone. Each session leaves a line in sessions.log.
 *
 * <p>Arguments: runs directory, identity, steps, milliseconds per step, the step at which to
 * fail with exit code 7 (0: never), and optionally "fill": fill the disk of the run directory
 * before failing, as a run that ran out of space. Every line it prints to stdout starts with its
 * process id, so a test sees whose lines a log holds.
 */
public final class FakePoint {

    private FakePoint() {
    }

    public static void main(String[] args) throws Exception {
        ParentWatch.start(System.getenv());
        RunDirectory run = RunDirectory.under(Path.of(args[0]), args[1]);
        int steps = Integer.parseInt(args[2]);
        long pause = Long.parseLong(args[3]);
        int failAt = Integer.parseInt(args[4]);
        boolean fill = args.length > 5 && args[5].equals("fill");
        String pid = "pid " + ProcessHandle.current().pid() + ": ";
        if (run.readResult().isPresent()) {
            System.out.println(pid + "finished before");
            return;
        }
        Optional<RunLock> lock = RunLock.tryAcquire(run.path());
        if (lock.isEmpty()) {
            System.out.println(pid + "running elsewhere");
            return;
        }
        try (RunLock held = lock.get()) {
            Path log = run.path().resolve("steps.log");
            int done = Files.exists(log) ? Files.readAllLines(log).size() : 0;
            append(run.path().resolve("sessions.log"), "start " + done);
            for (int step = done + 1; step <= steps; step++) {
                Thread.sleep(pause);
                System.out.println(pid + "step " + step);
                if (step == failAt && fill) {
                    fill(run.path().resolve("filler"));
                }
                if (step == failAt) {
                    System.err.println("something went wrong at step " + step);
                    System.exit(7);
                }
                append(log, Integer.toString(step));
            }
            double accuracy = 0.25 + 0.5 * (args[1].hashCode() & 1);
            run.writeResult(new RunResult(StopReason.STEPS, "trained all steps", "accuracy", OptionalDouble.of(accuracy), 1000,
                    steps, steps, OptionalDouble.of(0.1), Map.of("accuracy", accuracy), Map.of(), "fake", args[1], "fake task",
                    "fake model", steps * pause / 1000.0));
        }
    }

    /** Writes until the disk is full. */
    private static void fill(Path file) {
        byte[] block = new byte[1024];
        try (var out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // the disk is full: what the test wanted
        }
    }

    private static void append(Path file, String line) throws IOException {
        Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
