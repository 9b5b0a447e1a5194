package org.threshold.trainer.sweep;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Ends a grid point's process when the sweep that started it is gone. A sweep stopped with
 * Ctrl-C stops its points itself; one killed outright (kill -9, a crashed terminal) cannot, and
 * its points would train on unseen, holding their runs' locks. The local executor puts its
 * process id into the environment of every point it starts; the point checks once a second that
 * this process is alive and exits when it is not. The run resumes from its last checkpoint when
 * the sweep runs again.
 */
public final class ParentWatch {

    /** The environment variable that names the sweep's process id. */
    public static final String ENVIRONMENT_VARIABLE = "THRESHOLD_SWEEP_PID";

    /** The exit code of a point stopped because its sweep is gone. */
    public static final int EXIT_CODE = 3;

    private static final Duration PERIOD = Duration.ofSeconds(1);

    private ParentWatch() {
    }

    /**
     * Starts watching when the environment names a sweep process; a daemon thread, so it never
     * keeps the process alive.
     *
     * @return the watching thread, or empty when this process was not started by a sweep
     */
    public static Optional<Thread> start(Map<String, String> environment) {
        return start(environment, code -> {
            System.err.println("threshold: the sweep that started this run has ended; stopping (the run resumes from "
                    + "its last checkpoint when the sweep runs again)");
            System.exit(code);
        });
    }

    static Optional<Thread> start(Map<String, String> environment, IntConsumer exit) {
        String pid = environment.get(ENVIRONMENT_VARIABLE);
        if (pid == null || !pid.matches("\\d{1,19}")) {
            return Optional.empty();
        }
        Optional<ProcessHandle> sweep = ProcessHandle.of(Long.parseLong(pid));
        if (sweep.isEmpty()) {
            exit.accept(EXIT_CODE);
            return Optional.empty();
        }
        Thread watch = new Thread(() -> {
            try {
                while (sweep.get().isAlive()) {
                    Thread.sleep(PERIOD.toMillis());
                }
                exit.accept(EXIT_CODE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sweep-parent-watch");
        watch.setDaemon(true);
        watch.start();
        return Optional.of(watch);
    }
}
