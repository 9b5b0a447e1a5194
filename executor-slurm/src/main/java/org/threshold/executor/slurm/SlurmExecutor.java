package org.threshold.executor.slurm;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.threshold.api.sweep.Durations;
import org.threshold.api.sweep.PointOutcome;
import org.threshold.api.sweep.PointState;
import org.threshold.api.sweep.SweepCounts;
import org.threshold.api.sweep.SweepExecutor;
import org.threshold.api.sweep.SweepExecutorException;
import org.threshold.api.sweep.SweepJob;
import org.threshold.api.sweep.SweepListener;
import org.threshold.api.sweep.SweepOutcome;
import org.threshold.api.sweep.SweepPoint;
import org.threshold.runs.run.RunResult;
import org.threshold.runs.sweep.PointFailure;
import org.threshold.runs.sweep.RunLock;
import org.threshold.runs.sweep.Stacks;
import org.threshold.runs.sweep.SweepDirectory;

/**
 * Runs a sweep's grid points as Slurm job arrays (docs/SWEEPS.md, SPEC section 11): one job
 * script in the sweep directory, one array task per unfinished point, each task the point
 * command ({@code threshold run SWEEP --index I}) under {@code exec srun}.
 *
 * <ul>
 *   <li>Only points that are neither finished nor queued are submitted, so running the sweep again
 *       re-attaches to its arrays and submits what failed or was never submitted. Array indices
 *       map to points through a points file per array ({@link SlurmFiles}), so an array is as
 *       small as what it covers, and more points than the cluster's MaxArraySize become several
 *       arrays. With {@code parallel} set, each array also waits for the previous one
 *       ({@code --dependency=afterany}), so that no more than that many tasks run at once.</li>
 *   <li>Where a point stands comes from its run directory (result.json) and from squeue: done,
 *       running, pending (queued, requeued), failed (its task ended without a result: its log
 *       and Slurm's state say why, and failure.json records it), or held by another process.</li>
 *   <li>Preemption and time limits: Slurm sends USR2 {@code signal_seconds} ahead; the point's
 *       JVM checkpoints at the step it is at and requeues its own task
 *       ({@link #stoppedBySignal}), which resumes from that checkpoint.</li>
 *   <li>Following the arrays is only watching: Ctrl-C (or an interrupt) leaves them running in
 *       Slurm's queue and says so.</li>
 * </ul>
 */
public final class SlurmExecutor implements SweepExecutor {

    /** A point missing from the queue without a result is failed once it is seen so this many times in a row. */
    private static final int GONE_LOOKS = 2;
    /** squeue may fail while slurmctld is busy; following gives up after this many failures in a row. */
    private static final int QUEUE_FAILURES = 6;

    private final SlurmExecutorConfig config;
    private final Slurm slurm;
    private final Path workingDirectory;

    /**
     * @param slurm the cluster's commands
     * @param workingDirectory where this command runs: tasks start there, where the sweep's relative paths lead
     */
    public SlurmExecutor(SlurmExecutorConfig config, Slurm slurm, Path workingDirectory) {
        this.config = config;
        this.slurm = slurm;
        this.workingDirectory = workingDirectory.toAbsolutePath();
    }

    @Override
    public SweepOutcome execute(SweepJob job, SweepListener listener) throws InterruptedException {
        requireSbatch();
        Session session = new Session(job, listener);
        session.submitUnfinished();
        return session.follow();
    }

    @Override
    public boolean detach(SweepJob job, SweepListener listener) {
        requireSbatch();
        Session session = new Session(job, listener);
        session.submitUnfinished();
        session.noteDetached("detached");
        return true;
    }

    @Override
    public Optional<String> dryRun(SweepJob job) {
        Session session = new Session(job, SweepListener.NONE);
        return Optional.of(session.dryRun());
    }

    /** Slurm's USR2 warning in an array task: the checkpoint is written; the task goes back to the queue. */
    @Override
    public Optional<String> stoppedBySignal(String signal, Map<String, String> environment) {
        String job = environment.get("SLURM_ARRAY_JOB_ID");
        String task = environment.get("SLURM_ARRAY_TASK_ID");
        if (!signal.equals("SIGUSR2") || job == null || task == null) {
            return Optional.empty();
        }
        String jobTask = job + "_" + task;
        try {
            new Slurm(environment).requeue(jobTask);
            return Optional.of("requeued Slurm task " + jobTask + ": it resumes from this checkpoint when Slurm starts it again");
        } catch (RuntimeException e) {
            return Optional.of("could not requeue Slurm task " + jobTask + " (" + e.getMessage() + "); running threshold sweep "
                    + "again submits the point, and it resumes from this checkpoint");
        }
    }

    /** "Slurm job arrays: partition debug, 1 CPU and 1 thread per point, at most 2 at once, USR2 90 s before the time limit". */
    String layout() {
        List<String> parts = new ArrayList<>();
        parts.add("partition " + config.partition().orElse("(the cluster's default)"));
        config.time().ifPresent(t -> parts.add("time limit " + t));
        parts.add(config.cpusPerTask() + (config.cpusPerTask() == 1 ? " CPU" : " CPUs") + " and " + config.threads()
                + (config.threads() == 1 ? " thread" : " threads") + " per point");
        parts.add(config.parallel().isPresent() ? "at most " + config.parallel().getAsInt() + " at once" : "no limit on tasks at once");
        parts.add("USR2 " + config.signalSeconds() + " s before the time limit");
        if (config.stack().isEmpty() || config.stack().getAsInt() > 1) {
            parts.add("points of one shape in stacks of " + (config.stack().isEmpty() ? "auto" : String.valueOf(config.stack().getAsInt()))
                    + ", one task each");
        }
        return "Slurm job arrays: " + String.join(", ", parts);
    }

    private void requireSbatch() {
        if (!slurm.has("sbatch")) {
            throw new SweepExecutorException("the slurm executor (sweep.executor.type: slurm) needs Slurm's sbatch on the PATH, "
                    + "and this machine has none: run threshold sweep on the cluster's login node, or choose another executor "
                    + "(sweep.executor.type: local); threshold sweep --dry-run shows the job script without Slurm");
        }
    }

    /** Where a point stands, from its run directory, the queue and its lock. */
    private enum Where { DONE, PENDING, RUNNING, ELSEWHERE, GONE, NEVER_SUBMITTED }

    /** A task of a submitted array. */
    private record TaskRef(String arrayJobId, int task) {

        String jobTask() {
            return arrayJobId + "_" + task;
        }
    }

    /**
     * One look at the cluster: the newest task of every point that has one, what squeue says of
     * the tasks, and the arrays with tasks still queued.
     */
    private record Look(Map<String, TaskRef> newest, Map<TaskRef, ArrayTask> tasks, Set<String> activeArrays,
                        Map<String, List<Integer>> stacks) {

        static Look empty() {
            return new Look(Map.of(), Map.of(), Set.of(), Map.of());
        }

        Optional<ArrayTask> task(SweepPoint point) {
            return Optional.ofNullable(newest.get(point.identity())).map(tasks::get);
        }

        /** The points the point's newest task trains: itself, or its stack's members. */
        List<Integer> members(SweepPoint point) {
            return stacks.getOrDefault(point.identity(), List.of(point.index()));
        }
    }

    /** One execution of a job: submitting, then following. */
    private final class Session {

        private final SweepJob job;
        private final SweepDirectory sweep;
        private final SlurmFiles files;
        private final SweepListener listener;
        private final Map<Integer, PointOutcome> outcomes = new TreeMap<>();
        /** Points followed until they end, by index, with where they were last seen. */
        private final Map<Integer, Where> followed = new TreeMap<>();
        private final Map<Integer, Long> runningSince = new HashMap<>();
        private final Map<Integer, Integer> goneLooks = new HashMap<>();
        private final List<Duration> trained = new ArrayList<>();
        private final Set<String> submitted = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
        /** The arrays with queued tasks at the latest look. */
        private volatile Set<String> lastActive = Set.of();
        private int failedBefore;
        private int mostAtOnce;

        Session(SweepJob job, SweepListener listener) {
            this.job = job;
            this.sweep = new SweepDirectory(job.directory().toAbsolutePath());
            this.files = new SlurmFiles(sweep.root());
            this.listener = listener;
        }

        /** Submits every point that is neither finished nor queued nor held by another process. */
        void submitUnfinished() {
            Look look = look();
            List<SweepPoint> todo = new ArrayList<>();
            List<PointOutcome> before = new ArrayList<>();
            for (SweepPoint point : job.points()) {
                Where where = where(point, look);
                switch (where) {
                    case DONE -> before.add(endedBefore(point));
                    case PENDING, RUNNING, ELSEWHERE -> followed.put(point.index(), where);
                    case GONE, NEVER_SUBMITTED -> {
                        if (where == Where.GONE || Files.exists(sweep.failure(point.identity()))) {
                            failedBefore++;
                        }
                        todo.add(point);
                    }
                }
            }
            before.forEach(o -> outcomes.put(o.point().index(), o));
            todo.forEach(p -> followed.put(p.index(), Where.PENDING));
            listener.starting(layout(), new SweepCounts(job.points().size(), (int) before.stream().filter(o -> o.state() != PointState.FAILED)
                    .count(), (int) before.stream().filter(o -> o.state() == PointState.FAILED).count() + failedBefore, 0, 0,
                    followed.size(), Optional.empty()));
            before.forEach(o -> listener.ended(o, counts()));
            int queued = followed.size() - todo.size();
            if (queued > 0) {
                listener.note(queued + (queued == 1 ? " grid point is" : " grid points are") + " queued already (job arrays "
                        + String.join(", ", look.activeArrays()) + "): following, not submitting again");
            }
            submit(todo, look.activeArrays());
        }

        private void submit(List<SweepPoint> points, Set<String> queuedArrays) {
            if (points.isEmpty()) {
                return;
            }
            List<List<SweepPoint>> units = units(points, listener::note);
            files.writeScript(script().text());
            int max = slurm.maxArraySize();
            // with a throttle, an array waits for the ones before it: the throttle is per array in Slurm
            List<String> after = config.parallel().isPresent() ? new ArrayList<>(queuedArrays) : new ArrayList<>();
            for (List<List<SweepPoint>> chunk : chunks(units, max)) {
                List<SweepPoint> covered = chunk.stream().flatMap(List::stream).toList();
                writeStackNotes(chunk);
                Path pointsFile = files.writePoints(chunk);
                String id = slurm.submit(options(chunk.size(), after), files.script(), List.of(pointsFile.toString()));
                files.recordArray(id, pointsFile, chunk.size());
                submitted.add(id);
                long stacks = chunk.stream().filter(u -> u.size() > 1).count();
                listener.note("submitted job array " + id + ": " + covered.size() + (covered.size() == 1 ? " grid point" : " grid points")
                        + " (" + range(covered) + ")" + (stacks == 0 ? "" : " in " + chunk.size() + " tasks, " + stacks
                        + (stacks == 1 ? " of them a stack" : " of them stacks") + " trained as one")
                        + (after.isEmpty() ? "" : ", after job array " + String.join(", ", after))
                        + "; its tasks' points are " + sweep.root().relativize(pointsFile));
                if (config.parallel().isPresent()) {
                    after = new ArrayList<>(List.of(id));
                }
            }
        }

        /**
         * The tasks for these points ({@link Stacks}): a point each, or stacks of one shape with
         * {@code stack}; under {@code auto}, a class spreads over {@code parallel} tasks (with no
         * throttle, stacks are as large as auto allows). A point that started keeps how it started.
         */
        private List<List<SweepPoint>> units(List<SweepPoint> points, java.util.function.Consumer<String> note) {
            return Stacks.form(ordered(points), config.stack(), config.parallel().orElse(1), p -> Stacks.startedWith(sweep, p), note);
        }

        /** A stack's members each say in their run directory where the stack and its logs are. */
        private void writeStackNotes(List<List<SweepPoint>> units) {
            for (List<SweepPoint> unit : units) {
                if (unit.size() < 2) {
                    continue;
                }
                String display = job.command().display(unit.stream().map(SweepPoint::index).toList());
                for (SweepPoint point : unit) {
                    Path note = sweep.stackNote(point.identity());
                    try {
                        Files.createDirectories(note.getParent());
                        Files.writeString(note, Stacks.note(sweep, point, unit, display), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot write " + note, e);
                    }
                }
            }
        }

        private List<String> options(int tasks, List<String> after) {
            List<String> options = new ArrayList<>();
            options.add("--array=0-" + (tasks - 1) + config.parallel().stream().mapToObj(p -> "%" + p).findFirst().orElse(""));
            if (!after.isEmpty()) {
                options.add("--dependency=afterany:" + String.join(":", after));
            }
            return options;
        }

        /** Follows the points until none is queued or held elsewhere, and says how each ended. */
        SweepOutcome follow() throws InterruptedException {
            Thread detachNote = new Thread(() -> noteDetached("detached"), "slurm-detach-note");
            Runtime.getRuntime().addShutdownHook(detachNote);
            try {
                int failures = 0;
                while (!followed.isEmpty()) {
                    Look look;
                    try {
                        look = look();
                        failures = 0;
                    } catch (SweepExecutorException e) {
                        if (++failures >= QUEUE_FAILURES) {
                            throw e;
                        }
                        listener.note("cannot look at the queue (" + e.getMessage() + "); trying again");
                        pause();
                        continue;
                    }
                    for (SweepPoint point : followedPoints()) {
                        update(point, where(point, look), look);
                    }
                    if (!followed.isEmpty()) {
                        pause();
                    }
                }
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(detachNote);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is exiting and runs the hook itself
                }
            }
            return new SweepOutcome(List.copyOf(outcomes.values()));
        }

        private void update(SweepPoint point, Where where, Look look) {
            int index = point.index();
            Where was = followed.get(index);
            if (where != Where.GONE && where != Where.NEVER_SUBMITTED) {
                goneLooks.remove(index);
            }
            switch (where) {
                case DONE -> end(point, result(point).orElseThrow());
                case RUNNING -> {
                    followed.put(index, where);
                    if (was != Where.RUNNING) {
                        runningSince.putIfAbsent(index, System.nanoTime());
                        listener.started(point, counts());
                    }
                }
                case PENDING -> {
                    followed.put(index, where);
                    if (was == Where.RUNNING) {
                        listener.note(time() + " requeued " + point.describe() + " (" + look.task(point).map(ArrayTask::jobTask)
                                .orElse("") + "): it resumes from its checkpoint when Slurm starts it again");
                    }
                }
                case ELSEWHERE -> followed.put(index, where);
                case GONE, NEVER_SUBMITTED -> {
                    if (goneLooks.merge(index, 1, Integer::sum) >= GONE_LOOKS) {
                        fail(point, look.task(point), Optional.ofNullable(look.newest().get(point.identity())), look.members(point));
                    }
                }
            }
        }

        private void end(SweepPoint point, RunResult result) {
            Duration wall = wall(point);
            if (!result.finished()) {
                record(new PointOutcome(point, PointState.FAILED, result.message(), wall));
                return;
            }
            trained.add(wall);
            record(new PointOutcome(point, PointState.FINISHED, metric(result) + result.steps() + " steps, "
                    + Durations.format(wall), wall));
        }

        /** A point whose task ended without a result (or never got one): failure.json, its log, Slurm's word. */
        private void fail(SweepPoint point, Optional<ArrayTask> task, Optional<TaskRef> ref, List<Integer> members) {
            Duration wall = wall(point);
            Path stderr = members.size() > 1 ? sweep.stackStderr(members) : sweep.stderr(point.identity());
            List<String> tail = tail(stderr);
            String how = ref.map(r -> "Slurm task " + r.jobTask() + task.map(t -> " ended " + t.state()
                            + (t.describeExit().isEmpty() ? "" : " (" + t.describeExit() + ")")).orElse(" is no longer listed by squeue"))
                    .orElse("another process trained it and stopped");
            PointFailure failure = new PointFailure(point.index(), point.identity(), task.map(ArrayTask::processExitCode).orElse(-1),
                    members.size() > 1 ? job.command().display(members) : job.command().display(point.index()), tail, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                    wall.toMillis() / 1000.0);
            try {
                failure.write(sweep.run(point.identity()).path());
            } catch (UncheckedIOException e) {
                listener.note("cannot write " + sweep.failure(point.identity()) + ": " + e.getCause().getMessage());
            }
            String last = said(tail);
            String logs = sweep.root().relativize(stderr) + ref.map(r -> ", " + sweep.root().relativize(files.batchLog(r.arrayJobId(),
                    r.task()))).orElse("");
            record(new PointOutcome(point, PointState.FAILED, how + " without a result" + (last.isEmpty() ? "" : ": " + last)
                    + " (log " + logs + ")", wall));
        }

        private void record(PointOutcome outcome) {
            int index = outcome.point().index();
            followed.remove(index);
            runningSince.remove(index);
            goneLooks.remove(index);
            outcomes.put(index, outcome);
            listener.ended(outcome, counts());
        }

        private PointOutcome endedBefore(SweepPoint point) {
            RunResult result = result(point).orElseThrow();
            if (!result.finished()) {
                return new PointOutcome(point, PointState.FAILED, result.message(), Duration.ZERO);
            }
            return new PointOutcome(point, PointState.SKIPPED, metric(result) + result.steps() + " steps, finished before", Duration.ZERO);
        }

        private Where where(SweepPoint point, Look look) {
            if (result(point).isPresent()) {
                return Where.DONE;
            }
            Optional<ArrayTask> task = look.task(point);
            if (task.isPresent() && task.get().active()) {
                return task.get().running() ? Where.RUNNING : Where.PENDING;
            }
            // squeue first, files second: a task that left the queue wrote its result before it did
            if (result(point).isPresent()) {
                return Where.DONE;
            }
            if (RunLock.isHeld(sweep.run(point.identity()).path())) {
                return Where.ELSEWHERE;
            }
            return look.newest().containsKey(point.identity()) ? Where.GONE : Where.NEVER_SUBMITTED;
        }

        /** The queue now: squeue over every array this sweep has submitted. */
        private Look look() {
            List<SlurmFiles.Array> arrays = files.arrays();
            Map<String, TaskRef> newest = new HashMap<>();
            Map<String, List<Integer>> stacks = new HashMap<>();
            for (SlurmFiles.Array array : arrays) {
                for (int task = 0; task < array.tasks().size(); task++) {
                    SlurmFiles.Task trains = array.tasks().get(task);
                    for (String identity : trains.identities()) {
                        newest.put(identity, new TaskRef(array.jobId(), task));
                        stacks.put(identity, trains.points());
                    }
                }
            }
            Map<TaskRef, ArrayTask> tasks = new HashMap<>();
            Set<String> active = new LinkedHashSet<>();
            if (!arrays.isEmpty()) {
                List<String> ids = arrays.stream().map(SlurmFiles.Array::jobId).distinct().toList();
                for (ArrayTask t : slurm.tasks(ids)) {
                    tasks.put(new TaskRef(t.arrayJobId(), t.taskId()), t);
                    if (t.active()) {
                        active.add(t.arrayJobId());
                    }
                }
            }
            lastActive = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(active));
            return new Look(newest, tasks, active, stacks);
        }

        String dryRun() {
            StringBuilder text = new StringBuilder();
            text.append("# The job script (").append(files.script()).append("):\n").append(script().text());
            Look look;
            int max;
            String caveat = "";
            if (slurm.has("squeue") && slurm.has("scontrol")) {
                try {
                    look = look();
                    max = slurm.maxArraySize();
                } catch (SweepExecutorException noAnswer) {
                    look = Look.empty();
                    max = Slurm.DEFAULT_MAX_ARRAY_SIZE;
                    caveat = " (Slurm did not answer: " + noAnswer.getMessage() + "; Slurm's default MaxArraySize, and no point "
                            + "counted as queued)";
                }
            } else {
                look = Look.empty();
                max = Slurm.DEFAULT_MAX_ARRAY_SIZE;
                caveat = " (no Slurm commands on this machine: Slurm's default MaxArraySize, and no point counted as queued)";
            }
            List<SweepPoint> todo = new ArrayList<>();
            int done = 0;
            int queued = 0;
            for (SweepPoint point : job.points()) {
                Where where = where(point, look);
                switch (where) {
                    case DONE -> done++;
                    case PENDING, RUNNING, ELSEWHERE -> queued++;
                    default -> todo.add(point);
                }
            }
            text.append("\n# --dry-run: nothing submitted. ").append(done).append(" finished, ").append(queued)
                    .append(" queued or running elsewhere, ").append(todo.size()).append(" to submit; MaxArraySize ").append(max)
                    .append(caveat).append(".\n");
            int n = 1;
            List<String> after = config.parallel().isPresent() ? new ArrayList<>(look.activeArrays()) : new ArrayList<>();
            for (List<List<SweepPoint>> chunk : chunks(units(todo, note -> text.append("# ").append(note).append('\n')), max)) {
                Path pointsFile = nextPointsFile(n++);
                List<String> command = new ArrayList<>(List.of("sbatch", "--parsable"));
                command.addAll(options(chunk.size(), after));
                command.add(files.script().toString());
                command.add(pointsFile.toString());
                text.append(String.join(" ", command)).append('\n');
                text.append("#   ").append(pointsFile.getFileName()).append(", task: point identity (a stack's: points identities)\n");
                for (int task = 0; task < chunk.size(); task++) {
                    text.append("#   ").append(task).append(": ").append(SlurmFiles.Task.of(chunk.get(task)).line()).append('\n');
                }
                if (config.parallel().isPresent()) {
                    after = List.of("<the array above>");
                }
            }
            return text.toString();
        }

        private Path nextPointsFile(int from) {
            for (int n = from; ; n++) {
                Path file = files.root().resolve("array-" + n + ".points");
                if (!Files.exists(file)) {
                    return file;
                }
            }
        }

        /** Says that the arrays go on without this command: after --detach, and on Ctrl-C (from a shutdown hook). */
        void noteDetached(String what) {
            Set<String> arrays = new LinkedHashSet<>(lastActive);
            synchronized (submitted) {
                arrays.addAll(submitted);
            }
            if (arrays.isEmpty()) {
                return;
            }
            String ids = String.join(" ", arrays);
            listener.note(what + ": job " + (arrays.size() == 1 ? "array " : "arrays ") + String.join(", ", arrays)
                    + " go on in Slurm's queue; running the same threshold sweep command again follows them (submitting nothing "
                    + "twice), 'scancel " + ids + "' cancels them");
        }

        private JobScript script() {
            List<String> command = job.command().arguments(0, config.threads());
            return new JobScript(job.name(), sweep.root(), workingDirectory, command, job.command().display(0), config);
        }

        private List<SweepPoint> followedPoints() {
            Map<Integer, SweepPoint> byIndex = new LinkedHashMap<>();
            job.points().forEach(p -> byIndex.put(p.index(), p));
            return followed.keySet().stream().map(byIndex::get).toList();
        }

        private SweepCounts counts() {
            int done = (int) outcomes.values().stream().filter(o -> o.state() == PointState.FINISHED || o.state() == PointState.SKIPPED)
                    .count();
            int failed = (int) outcomes.values().stream().filter(o -> o.state() == PointState.FAILED).count();
            int running = (int) followed.values().stream().filter(w -> w == Where.RUNNING).count();
            int elsewhere = (int) followed.values().stream().filter(w -> w == Where.ELSEWHERE).count();
            int left = followed.size() - running - elsewhere;
            return new SweepCounts(job.points().size(), done, failed, running, elsewhere, left, eta(running, left));
        }

        /** Mean time of the points seen from start to end here, over the most tasks seen running at once. */
        private Optional<Duration> eta(int running, int left) {
            mostAtOnce = Math.max(mostAtOnce, running);
            if (trained.isEmpty() || running == 0) {
                return Optional.empty();
            }
            double mean = trained.stream().mapToLong(Duration::toMillis).average().orElse(0);
            double remaining = left * mean;
            for (long since : runningSince.values()) {
                remaining += Math.max(0, mean - (System.nanoTime() - since) / 1e6);
            }
            return Optional.of(Duration.ofMillis(Math.round(remaining / mostAtOnce)));
        }

        private Duration wall(SweepPoint point) {
            Long since = runningSince.get(point.index());
            return since == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - since);
        }

        private Optional<RunResult> result(SweepPoint point) {
            try {
                return sweep.run(point.identity()).readResult();
            } catch (RuntimeException unreadable) {
                return Optional.empty(); // being written, or damaged: the point's own process says which
            }
        }

        /** Waits for the next look, telling the listener once a second (its ETA moves). */
        private void pause() throws InterruptedException {
            long end = System.nanoTime() + config.poll().toNanos();
            while (System.nanoTime() < end) {
                Thread.sleep(Math.min(1000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                listener.waiting(counts());
            }
        }
    }

    /** Larger models first: they take longest, and starting them early shortens the tail. */
    private static List<SweepPoint> ordered(List<SweepPoint> points) {
        List<SweepPoint> ordered = new ArrayList<>(points);
        ordered.sort(Comparator.comparingLong(SweepPoint::parameters).reversed().thenComparingInt(SweepPoint::index));
        return ordered;
    }

    /** Consecutive pieces of at most {@code size}. */
    static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            chunks.add(List.copyOf(items.subList(from, Math.min(items.size(), from + size))));
        }
        return chunks;
    }

    /** "points 0-3" or "points 0, 2, 5": the grid points an array covers, for people. */
    static String range(List<SweepPoint> points) {
        List<Integer> indexes = points.stream().map(SweepPoint::index).sorted().toList();
        boolean consecutive = indexes.get(indexes.size() - 1) - indexes.get(0) == indexes.size() - 1;
        if (indexes.size() == 1) {
            return "point " + indexes.get(0);
        }
        if (consecutive) {
            return "points " + indexes.get(0) + "-" + indexes.get(indexes.size() - 1);
        }
        if (indexes.size() > 8) {
            return indexes.size() + " points from " + indexes.get(0) + " to " + indexes.get(indexes.size() - 1);
        }
        return "points " + indexes.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String metric(RunResult result) {
        return result.testAccuracy().isPresent()
                ? "test_accuracy " + String.format("%.3f", result.testAccuracy().getAsDouble()) + " (" + result.metric() + "), "
                : "";
    }

    /** The last lines of a log (at most 64 KiB are read); none when there is no log. */
    private static List<String> tail(Path log) {
        if (!Files.exists(log)) {
            return List.of();
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long from = Math.max(0, file.length() - 65_536);
            byte[] bytes = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(bytes);
            List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\r?\n|\r"));
            return List.copyOf(lines.subList(Math.max(0, lines.size() - PointFailure.TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
    }

    /**
     * What the point's last attempt said went wrong: its first line starting "threshold:" (the
     * command's own error lines), else its last line with something on it.
     */
    static String said(List<String> tail) {
        int from = 0;
        for (int i = 0; i < tail.size(); i++) {
            if (tail.get(i).startsWith("--- ")) {
                from = i + 1; // the header of an attempt, written by the job script
            }
        }
        List<String> attempt = tail.subList(from, tail.size());
        return attempt.stream().filter(l -> l.startsWith("threshold: ")).findFirst()
                .or(() -> attempt.stream().filter(l -> !l.isBlank()).reduce((a, b) -> b)).orElse("").strip();
    }

    private static String time() {
        return LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
