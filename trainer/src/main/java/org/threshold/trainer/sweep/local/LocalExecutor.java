package org.threshold.trainer.sweep.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.api.sweep.Durations;
import org.threshold.api.sweep.PointOutcome;
import org.threshold.api.sweep.PointState;
import org.threshold.api.sweep.SweepCounts;
import org.threshold.api.sweep.SweepExecutor;
import org.threshold.api.sweep.SweepJob;
import org.threshold.api.sweep.SweepListener;
import org.threshold.api.sweep.SweepOutcome;
import org.threshold.api.sweep.SweepPoint;
import org.threshold.runs.DamagedFileException;
import org.threshold.runs.IoFailure;
import org.threshold.runs.run.Numerics;
import org.threshold.runs.run.Provenance;
import org.threshold.runs.run.RunResult;
import org.threshold.runs.sweep.PointFailure;
import org.threshold.runs.sweep.RunLock;
import org.threshold.runs.sweep.SweepDirectory;
import org.threshold.trainer.sweep.ParentWatch;

/**
 * Runs a sweep's grid points on this machine, each as its own process ({@code threshold run
 * SWEEP_FILE --index I}): libtorch's thread count is fixed per process, and a crash or a leak
 * stays in one run (DESIGN.md, run directories).
 *
 * <ul>
 *   <li>A point whose run has a result.json is not started (a rerun skips finished runs); any
 *       other point is started, and its run resumes from its checkpoint if it has one.</li>
 *   <li>Larger models start first: they take longest, and starting them early shortens the tail
 *       in which some cores idle.</li>
 *   <li>A point's stdout and stderr go to {@code stdout.log} and {@code stderr.log} in its run
 *       directory. A process that ends without a result is recorded in {@code failure.json}
 *       (exit code, the end of its stderr) and the sweep goes on.</li>
 *   <li>A point whose run lock another process holds (another sweep, a scheduler's job) is left
 *       to it; the sweep waits for that lock and then takes the result, or resumes the run. While
 *       its process runs, the sweep holds the point's own lock ({@code point.lock}), so a second
 *       sweep on the directory never starts a process writing into the same logs.</li>
 *   <li>A failure record that cannot be written (a full disk) is kept in memory and reported with
 *       the outcome; the sweep goes on with the other points.</li>
 *   <li>Stopping the sweep (Ctrl-C, kill) stops its points; a point whose sweep was killed
 *       outright stops itself ({@link ParentWatch}).</li>
 * </ul>
 */
public final class LocalExecutor implements SweepExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(LocalExecutor.class);
    private static final Duration TICK = Duration.ofSeconds(1);
    /** A point that exits without a result while no one else holds its lock is retried this often. */
    private static final int EXITS_WITHOUT_RESULT = 3;

    private final LocalExecutorConfig config;
    private final int cores;

    public LocalExecutor(LocalExecutorConfig config, int cores) {
        this.config = config;
        this.cores = cores;
    }

    @Override
    public SweepOutcome execute(SweepJob job, SweepListener listener) throws InterruptedException {
        return new Session(job, listener).run();
    }

    /** A point's process, and the point's lock this sweep holds while it runs ({@link RunLock#tryAcquirePoint}). */
    private record Running(SweepPoint point, Process process, long startNanos, long stderrOffset, RunLock pointLock) {

        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - startNanos);
        }
    }

    /** One execution of a job: the queue, the running processes and what has ended. */
    private final class Session {

        private final SweepJob job;
        private final SweepDirectory sweep;
        private final SweepListener listener;
        private final Map<Integer, PointOutcome> outcomes = new TreeMap<>();
        private final Deque<SweepPoint> queue = new ArrayDeque<>();
        private final Map<Integer, Running> running = new ConcurrentHashMap<>();
        private final Map<Integer, SweepPoint> elsewhere = new LinkedHashMap<>();
        private final Map<Integer, Integer> exitsWithoutResult = new HashMap<>();
        private final BlockingQueue<Running> exited = new LinkedBlockingQueue<>();
        private final List<Duration> trained = new ArrayList<>();
        private ExecutorLayout layout;

        Session(SweepJob job, SweepListener listener) {
            this.job = job;
            this.sweep = new SweepDirectory(job.directory());
            this.listener = listener;
        }

        SweepOutcome run() throws InterruptedException {
            List<SweepPoint> todo = new ArrayList<>();
            for (SweepPoint point : job.points()) {
                Optional<RunResult> result = readableResult(point);
                if (result.isPresent()) {
                    outcomes.put(point.index(), ended(point, result.get(), true, Duration.ZERO));
                } else {
                    todo.add(point);
                }
            }
            todo.sort(Comparator.comparingLong(SweepPoint::parameters).reversed().thenComparingInt(SweepPoint::index));
            queue.addAll(todo);
            layout = ExecutorLayout.choose(config.parallel(), config.threads(), cores, todo.size());
            listener.starting(layout.describe() + " (" + cores + (cores == 1 ? " core" : " cores") + ")", counts());
            List.copyOf(outcomes.values()).forEach(o -> listener.ended(o, counts()));
            Thread stopper = new Thread(this::stopAll, "sweep-stop-points");
            Runtime.getRuntime().addShutdownHook(stopper);
            try {
                loop();
            } finally {
                stopAll();
                try {
                    Runtime.getRuntime().removeShutdownHook(stopper);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is exiting and runs the hook itself
                }
            }
            return new SweepOutcome(List.copyOf(outcomes.values()));
        }

        private void loop() throws InterruptedException {
            while (true) {
                while (running.size() < layout.parallel() && !queue.isEmpty()) {
                    SweepPoint point = queue.poll();
                    if (RunLock.isHeld(runDirectory(point))) {
                        elsewhere.put(point.index(), point);
                        LOG.debug("{} is locked by {}", point.describe(), RunLock.holder(runDirectory(point)).orElse("another process"));
                    } else {
                        start(point);
                    }
                }
                if (running.isEmpty() && queue.isEmpty() && elsewhere.isEmpty()) {
                    return;
                }
                Running done = exited.poll(TICK.toMillis(), TimeUnit.MILLISECONDS);
                if (done != null) {
                    running.remove(done.point().index());
                    finish(done);
                } else {
                    listener.waiting(counts());
                }
                checkElsewhere();
            }
        }

        private void start(SweepPoint point) {
            Path directory = runDirectory(point);
            Optional<RunLock> owned;
            try {
                owned = RunLock.tryAcquirePoint(directory);
            } catch (UncheckedIOException e) {
                fail(point, -1, List.of("cannot start the point: " + IoFailure.describe(e)), Duration.ZERO);
                return;
            }
            if (owned.isEmpty()) { // another sweep runs it: its process writes the logs
                elsewhere.put(point.index(), point);
                LOG.debug("{} is run by another sweep", point.describe());
                return;
            }
            // A point that has started keeps its numerics: its threads and environment, not this layout's.
            Optional<Numerics> started = startedWith(point);
            List<String> command = job.command().arguments(point.index(), started.map(Numerics::threads).orElse(layout.threads()));
            try {
                Files.createDirectories(directory);
                Files.deleteIfExists(directory.resolve(PointFailure.FILE));
                String header = "--- " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + job.command().display(point.index())
                        + "\n";
                append(sweep.stdout(point.identity()), header);
                append(sweep.stderr(point.identity()), header);
                long offset = Files.size(sweep.stderr(point.identity()));
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(sweep.stdout(point.identity()).toFile()))
                        .redirectError(ProcessBuilder.Redirect.appendTo(sweep.stderr(point.identity()).toFile()))
                        .redirectInput(ProcessBuilder.Redirect.PIPE);
                builder.environment().put(ParentWatch.ENVIRONMENT_VARIABLE, Long.toString(ProcessHandle.current().pid()));
                started.ifPresent(n -> Numerics.VARIABLES.forEach(v -> {
                    if (n.environment().containsKey(v)) {
                        builder.environment().put(v, n.environment().get(v));
                    } else {
                        builder.environment().remove(v);
                    }
                }));
                Process process = builder.start();
                process.getOutputStream().close();
                Running r = new Running(point, process, System.nanoTime(), offset, owned.get());
                running.put(point.index(), r);
                process.onExit().thenRun(() -> exited.add(r));
                listener.started(point, counts());
            } catch (IOException | UncheckedIOException e) {
                fail(point, -1, List.of("cannot start " + job.command().display(point.index()) + ": " + IoFailure.describe(e)), Duration.ZERO);
                owned.get().close();
            }
        }

        private void finish(Running done) {
            try {
                take(done);
            } finally {
                done.pointLock().close(); // after failure.json: a second sweep then finds the point's record complete
            }
        }

        private void take(Running done) {
            SweepPoint point = done.point();
            Duration wall = done.elapsed();
            int exitCode = done.process().exitValue();
            Optional<RunResult> result;
            try {
                result = result(point);
            } catch (RuntimeException unreadable) {
                result = Optional.empty();
            }
            if (result.isPresent()) {
                trained.add(wall);
                record(ended(point, result.get(), false, wall));
                return;
            }
            if (exitCode == 0) {
                // threshold run --index exits 0 without a result only when another process holds the run.
                int times = exitsWithoutResult.merge(point.index(), 1, Integer::sum);
                if (RunLock.isHeld(runDirectory(point)) || times < EXITS_WITHOUT_RESULT) {
                    elsewhere.put(point.index(), point);
                    return;
                }
            }
            trained.add(wall);
            fail(point, exitCode, tail(sweep.stderr(point.identity()), done.stderrOffset()), wall);
        }

        /**
         * Records a point whose process ended without a result, in its failure.json; when that
         * cannot be written (a full disk, permissions), the record stays in memory and its outcome
         * says so, and the sweep goes on.
         */
        private void fail(SweepPoint point, int exitCode, List<String> stderrTail, Duration wall) {
            PointFailure failure = new PointFailure(point.index(), point.identity(), exitCode, job.command().display(point.index()),
                    stderrTail, now(), wall.toMillis() / 1000.0);
            String where;
            try {
                failure.write(runDirectory(point));
                where = " (runs/" + point.identity() + "/" + PointFailure.FILE + ")";
            } catch (UncheckedIOException e) {
                where = " (its " + PointFailure.FILE + " could not be written: " + IoFailure.describe(e) + ")";
                LOG.info("{}: {}", point.describe(), where.strip()); // the outcome says it
            }
            record(new PointOutcome(point, PointState.FAILED, failure.describe() + where, wall));
        }

        /** Points another process held: once their lock is free, take the result or run them here. */
        private void checkElsewhere() {
            for (SweepPoint point : List.copyOf(elsewhere.values())) {
                if (!RunLock.isHeld(runDirectory(point))) {
                    elsewhere.remove(point.index());
                    Optional<RunResult> result = readableResult(point);
                    if (result.isPresent()) {
                        record(ended(point, result.get(), true, Duration.ZERO));
                    } else {
                        queue.addFirst(point);
                    }
                }
            }
        }

        private PointOutcome ended(SweepPoint point, RunResult result, boolean before, Duration wall) {
            String metric = result.testAccuracy().isPresent()
                    ? "test_accuracy " + String.format("%.3f", result.testAccuracy().getAsDouble()) + " (" + result.metric() + "), "
                    : "";
            if (!result.finished()) {
                return new PointOutcome(point, PointState.FAILED, result.message(), wall);
            }
            String text = metric + result.steps() + " steps" + (before ? ", finished before" : ", " + org.threshold.api.sweep.Durations.format(wall));
            return new PointOutcome(point, before ? PointState.SKIPPED : PointState.FINISHED, text, wall);
        }

        private void record(PointOutcome outcome) {
            outcomes.put(outcome.point().index(), outcome);
            listener.ended(outcome, counts());
        }

        private SweepCounts counts() {
            int done = (int) outcomes.values().stream().filter(o -> o.state() == PointState.FINISHED || o.state() == PointState.SKIPPED).count();
            int failed = (int) outcomes.values().stream().filter(o -> o.state() == PointState.FAILED).count();
            return new SweepCounts(job.points().size(), done, failed, running.size(), elsewhere.size(), queue.size(), eta());
        }

        /** Mean time of the points trained so far, spread over the slots, minus what running points have done. */
        private Optional<Duration> eta() {
            if (trained.isEmpty() || layout == null) {
                return Optional.empty();
            }
            double mean = trained.stream().mapToLong(Duration::toMillis).average().orElse(0);
            double remaining = queue.size() * mean;
            for (Running r : running.values()) {
                remaining += Math.max(0, mean - r.elapsed().toMillis());
            }
            return Optional.of(Duration.ofMillis(Math.round(remaining / layout.parallel())));
        }

        private Optional<RunResult> result(SweepPoint point) {
            return sweep.run(point.identity()).readResult();
        }

        /** The result, when it can be read; a damaged one is none: the point's process rebuilds it from its checkpoint. */
        private Optional<RunResult> readableResult(SweepPoint point) {
            try {
                return result(point);
            } catch (DamagedFileException | UncheckedIOException e) {
                LOG.info("{}: {}", point.describe(), e.getMessage());
                return Optional.empty();
            }
        }

        /** The numerics a point's run started with; empty for a point that has not started (or whose provenance is unreadable: the point's own process says why). */
        private Optional<Numerics> startedWith(SweepPoint point) {
            try {
                return sweep.run(point.identity()).readProvenance().flatMap(Provenance::numerics);
            } catch (RuntimeException unreadable) {
                return Optional.empty();
            }
        }

        private Path runDirectory(SweepPoint point) {
            return sweep.run(point.identity()).path();
        }

        /** Stops every running point: asks first, then insists. */
        private void stopAll() {
            List<Running> stopping = List.copyOf(running.values());
            stopping.forEach(r -> r.process().destroy());
            for (Running r : stopping) {
                try {
                    if (!r.process().waitFor(10, TimeUnit.SECONDS)) {
                        r.process().destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    r.process().destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
            for (Running r : stopping) {
                try {
                    r.pointLock().close();
                } catch (UncheckedIOException | IllegalStateException alreadyReleased) {
                    // the process has ended: the lock goes with this one's end anyway
                }
            }
        }
    }

    private static void append(Path file, String text) throws IOException {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (FileSystemException e) {
            throw e;
        } catch (IOException e) { // a full disk's error names no file
            FileSystemException named = new FileSystemException(file.toString(), null, IoFailure.reason(e));
            named.initCause(e);
            throw named;
        }
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** The last lines a process wrote to a log from {@code offset} on (at most 64 KiB are read); why not, when it cannot be read. */
    static List<String> tail(Path log, long offset) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long from = Math.max(offset, file.length() - 65_536);
            byte[] bytes = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(bytes);
            List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\r?\n|\r"));
            return List.copyOf(lines.subList(Math.max(0, lines.size() - PointFailure.TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return List.of("(its stderr cannot be read: " + IoFailure.describe(new UncheckedIOException("cannot read " + log, e)) + ")");
        }
    }
}
