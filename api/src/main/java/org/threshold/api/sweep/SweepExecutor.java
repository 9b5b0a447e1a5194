package org.threshold.api.sweep;

/** Runs the grid points of a sweep (see {@link SweepExecutorProvider}). */
public interface SweepExecutor {

    /**
     * Runs every point of the job that has not finished and returns how each ended. A point that
     * fails is recorded and the others go on. Points that finished before are reported as
     * {@link PointState#SKIPPED}, without being started.
     *
     * @param listener told of every start and end, for a progress display
     * @throws InterruptedException when the sweep is interrupted; points already started are
     *     stopped and resume from their checkpoints when the sweep runs again
     */
    SweepOutcome execute(SweepJob job, SweepListener listener) throws InterruptedException;
}
