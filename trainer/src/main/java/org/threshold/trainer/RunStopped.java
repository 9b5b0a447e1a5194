package org.threshold.trainer;

import java.nio.file.Path;

/**
 * A run stopped on request ({@link StopRequest}) before its end, with a checkpoint of the step it
 * had reached: the same command resumes it from that step. Not a failure: a process that gets it
 * exits with the signal's code, and a scheduler's executor may requeue the point.
 */
public final class RunStopped extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final StopRequest.Reason reason;
    private final long step;
    private final long plannedSteps;
    private final Path checkpoint;

    RunStopped(StopRequest.Reason reason, long step, long plannedSteps, Path checkpoint) {
        super("stopped by " + reason.signal() + " at step " + step + " of " + plannedSteps + "; its checkpoint is "
                + checkpoint + ", and the same command resumes the run from that step");
        this.reason = reason;
        this.step = step;
        this.plannedSteps = plannedSteps;
        this.checkpoint = checkpoint;
    }

    public StopRequest.Reason reason() {
        return reason;
    }

    /** The step the run had trained, and its checkpoint's. */
    public long step() {
        return step;
    }

    public long plannedSteps() {
        return plannedSteps;
    }

    /** The checkpoint written at {@link #step()}. */
    public Path checkpoint() {
        return checkpoint;
    }

    /** 128 + the signal's number, as a shell reports a process that a signal ended. */
    public int exitCode() {
        return 128 + reason.number();
    }
}
