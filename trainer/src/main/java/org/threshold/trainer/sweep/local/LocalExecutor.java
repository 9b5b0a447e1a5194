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
import org.threshold.runs.run.RunResult;
import org.threshold.runs.sweep.PointFailure;
import org.threshold.runs.sweep.RunLock;
import org.threshold.runs.sweep.Stacks;
import org.threshold.runs.sweep.SweepDirectory;
import org.threshold.trainer.device.MklDispatch;
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

    /**
     * A process training one point, or the points of one stack (SPEC section 10), with the points'
     * locks this sweep holds while it runs ({@link RunLock#tryAcquirePoint}) and where its stderr is.
     */
    private record Running(List<SweepPoint> points, Process process, long startNanos, Path stderr, long stderrOffset,
                           List<RunLock> pointLocks) {

        SweepPoint first() {
            return points.get(0);
        }

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
        private final Deque<List<SweepPoint>> queue = new ArrayDeque<>();
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
            List<List<SweepPoint>> units = Stacks.form(todo, config.stack(), cores, this::startedWith, listener::note);
            queue.addAll(units);
            layout = ExecutorLayout.choose(config.parallel(), config.threads(), cores, units.size());
            long stacks = units.stream().filter(u -> u.size() > 1).count();
            listener.starting(layout.describe() + " (" + cores + (cores == 1 ? " core" : " cores") + ")"
                    + (stacks == 0 ? "" : "; " + stacks + (stacks == 1 ? " stack" : " stacks") + " of "
                    + units.stream().filter(u -> u.size() > 1).mapToInt(List::size).sum() + " points, one process each"),
                    counts());
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
                    List<SweepPoint> unit = queue.poll();
                    List<SweepPoint> held = unit.stream().filter(p -> RunLock.isHeld(runDirectory(p))).toList();
                    if (!held.isEmpty()) {
                        unit.forEach(p -> elsewhere.put(p.index(), p));
                        held.forEach(p -> LOG.debug("{} is locked by {}", p.describe(),
                                RunLock.holder(runDirectory(p)).orElse("another process")));
                    } else if (unit.size() == 1) {
                        start(unit.get(0));
                    } else {
                        startStack(unit);
                    }
                }
                if (running.isEmpty() && queue.isEmpty() && elsewhere.isEmpty()) {
                    return;
                }
                Running done = exited.poll(TICK.toMillis(), TimeUnit.MILLISECONDS);
                if (done != null) {
                    running.remove(done.first().index());
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
                Process process = launch(command, sweep.stdout(point.identity()), sweep.stderr(point.identity()), started);
                Running r = new Running(List.of(point), process, System.nanoTime(), sweep.stderr(point.identity()), offset,
                        List.of(owned.get()));
                running.put(point.index(), r);
                process.onExit().thenRun(() -> exited.add(r));
                listener.started(point, counts());
            } catch (IOException | UncheckedIOException e) {
                fail(point, -1, List.of("cannot start " + job.command().display(point.index()) + ": " + IoFailure.describe(e)), Duration.ZERO);
                owned.get().close();
            }
        }

        /**
         * The points of one stack in one process ({@code threshold run SWEEP --index I,J,...}): one
         * log in the sweep directory named by its members, and a note in each member's run
         * directory saying where it is.
         */
        private void startStack(List<SweepPoint> unit) {
            List<Integer> members = unit.stream().map(SweepPoint::index).toList();
            String indices = Stacks.indices(unit);
            List<RunLock> locks = new ArrayList<>();
            for (SweepPoint point : unit) {
                Optional<RunLock> owned;
                try {
                    owned = RunLock.tryAcquirePoint(runDirectory(point));
                } catch (UncheckedIOException e) {
                    locks.forEach(RunLock::close);
                    unit.forEach(p -> fail(p, -1, List.of("cannot start the stack of points " + indices + ": "
                            + IoFailure.describe(e)), Duration.ZERO));
                    return;
                }
                if (owned.isEmpty()) { // another sweep runs it
                    locks.forEach(RunLock::close);
                    unit.forEach(p -> elsewhere.put(p.index(), p));
                    return;
                }
                locks.add(owned.get());
            }
            Optional<Numerics> started = unit.stream().map(this::startedWith).flatMap(Optional::stream).findFirst();
            List<String> command = job.command().arguments(members, started.map(Numerics::threads).orElse(layout.threads()));
            String display = job.command().display(members);
            Path stdout = sweep.stackStdout(members);
            Path stderr = sweep.stackStderr(members);
            try {
                Files.createDirectories(sweep.stacks());
                for (SweepPoint point : unit) {
                    Files.createDirectories(runDirectory(point));
                    Files.deleteIfExists(runDirectory(point).resolve(PointFailure.FILE));
                    Files.writeString(sweep.stackNote(point.identity()), Stacks.note(sweep, point, unit, display),
                            StandardCharsets.UTF_8);
                }
                String header = "--- " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + display + "\n";
                append(stdout, header);
                append(stderr, header);
                long offset = Files.size(stderr);
                Process process = launch(command, stdout, stderr, started);
                Running r = new Running(List.copyOf(unit), process, System.nanoTime(), stderr, offset, List.copyOf(locks));
                running.put(members.get(0), r);
                process.onExit().thenRun(() -> exited.add(r));
                unit.forEach(p -> listener.started(p, counts()));
            } catch (IOException | UncheckedIOException e) {
                unit.forEach(p -> fail(p, -1, List.of("cannot start " + display + ": " + IoFailure.describe(e)), Duration.ZERO));
                locks.forEach(RunLock::close);
            }
        }

        /**
         * A point's (or a stack's) process, its output appended to its logs; one that has started
         * gets the environment it started with ({@link Numerics#VARIABLES}).
         */
        private Process launch(List<String> command, Path stdout, Path stderr, Optional<Numerics> started) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(stdout.toFile()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().put(ParentWatch.ENVIRONMENT_VARIABLE, Long.toString(ProcessHandle.current().pid()));
            started.ifPresent(n -> Numerics.VARIABLES.forEach(v -> {
                if (v.equals(Numerics.MKL_DISPATCH)) {
                    // what the run preloaded, not the variable, is what it computed with
                    try {
                        MklDispatch.set(builder.environment(), n.environment().containsKey(v), MklDispatch.library(System.getenv()));
                    } catch (IllegalStateException unknown) {
                        throw new UncheckedIOException(new IOException(unknown.getMessage()));
                    }
                } else if (n.environment().containsKey(v)) {
                    builder.environment().put(v, n.environment().get(v));
                } else {
                    builder.environment().remove(v);
                }
            }));
            Process process = builder.start();
            process.getOutputStream().close();
            return process;
        }

        /** "threshold run sweep.yaml --index 3,5,7". */
        private void finish(Running done) {
            try {
                for (SweepPoint point : done.points()) {
                    take(done, point);
                }
            } finally {
                // after failure.json: a second sweep then finds the point's record complete
                done.pointLocks().forEach(RunLock::close);
            }
        }

        private void take(Running done, SweepPoint point) {
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
            fail(point, exitCode, tail(done.stderr(), done.stderrOffset()), wall);
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
                        requeue(point);
                    }
                }
            }
        }

        /**
         * A point another process held, to run here now: alone, or with the other members of the
         * stack it started in that are not running or ended (they leave the queue for it).
         */
        private void requeue(SweepPoint point) {
            List<Integer> members = startedWith(point).flatMap(Numerics::stack).map(Numerics.Stack::members)
                    .orElse(List.of(point.index()));
            List<SweepPoint> unit = new ArrayList<>();
            for (SweepPoint p : job.points()) {
                if (members.contains(p.index()) && (p.index() == point.index()
                        || !outcomes.containsKey(p.index()) && !elsewhere.containsKey(p.index()) && !isRunning(p))) {
                    unit.add(p);
                }
            }
            queue.removeIf(u -> u.stream().anyMatch(unit::contains));
            queue.addFirst(unit);
        }

        private boolean isRunning(SweepPoint point) {
            return running.values().stream().anyMatch(r -> r.points().contains(point));
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
            int runningPoints = running.values().stream().mapToInt(r -> r.points().size()).sum();
            int queued = queue.stream().mapToInt(List::size).sum();
            return new SweepCounts(job.points().size(), done, failed, runningPoints, elsewhere.size(), queued, eta());
        }

        /** Mean time of the points trained so far, spread over the slots, minus what running points have done. */
        private Optional<Duration> eta() {
            if (trained.isEmpty() || layout == null) {
                return Optional.empty();
            }
            double mean = trained.stream().mapToLong(Duration::toMillis).average().orElse(0);
            double remaining = queue.stream().mapToInt(List::size).sum() * mean;
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

        private Optional<Numerics> startedWith(SweepPoint point) {
            return Stacks.startedWith(sweep, point);
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
                for (RunLock lock : r.pointLocks()) {
                    try {
                        lock.close();
                    } catch (UncheckedIOException | IllegalStateException alreadyReleased) {
                        // the process has ended: the lock goes with this one's end anyway
                    }
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
