package org.threshold.api.sweep;

import java.util.Map;
import java.util.Optional;

/**
 * Runs the grid points of a sweep (see {@link SweepExecutorProvider}). Only {@link #execute} is
 * required; the other methods are capabilities an executor that hands points to a scheduler has,
 * empty by default, which {@code threshold sweep --detach}, {@code --dry-run} and
 * {@code threshold run SWEEP --index I} use without knowing which executor it is.
 */
public interface SweepExecutor {

    /**
     * Runs every point of the job that has not finished and returns how each ended. A point that
     * fails is recorded and the others go on. Points that finished before are reported as
     * {@link PointState#SKIPPED}, without being started.
     *
     * @param listener told of every start and end, for a progress display
     * @throws InterruptedException when the sweep is interrupted; points already started are
     *     stopped (or, where they run in a scheduler's queue, go on there) and resume from their
     *     checkpoints when the sweep runs again
     */
    SweepOutcome execute(SweepJob job, SweepListener listener) throws InterruptedException;

    /**
     * {@code threshold sweep --detach}: starts the job's unfinished points where they outlive
     * this process (a cluster's queue) and returns without waiting for them; a later
     * {@link #execute} follows them again and starts nothing twice. What was started is told to
     * the listener ({@link SweepListener#note}).
     *
     * @return false, having done nothing, when this executor's points cannot outlive the command
     *     (the local executor's are its child processes): the default
     */
    default boolean detach(SweepJob job, SweepListener listener) throws InterruptedException {
        return false;
    }

    /**
     * {@code threshold sweep --dry-run}: what {@link #execute} would start, for people, starting
     * nothing (a scheduler's job script and its submission).
     *
     * @return empty when the executor has nothing to show beyond each point's command (the
     *     default; the command prints those)
     */
    default Optional<String> dryRun(SweepJob job) {
        return Optional.empty();
    }

    /**
     * Called in a point's own process ({@code threshold run SWEEP --index I}) after its run
     * stopped on a signal and wrote a checkpoint at the step it had reached. An executor whose
     * scheduler sends that signal ahead of a preemption or a time limit gives the point back to
     * its queue here, so that it resumes from that checkpoint. The default does nothing.
     *
     * @param signal the signal's name, e.g. {@code SIGUSR2}
     * @param environment the process's environment, where a scheduler names the job
     * @return one line for the point's log saying what was done; empty when nothing was
     */
    default Optional<String> stoppedBySignal(String signal, Map<String, String> environment) {
        return Optional.empty();
    }
}
