package org.threshold.trainer;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A request that a run stop at the end of the step it is at, with a checkpoint of that step: what
 * SIGTERM, SIGINT and a scheduler's warning before a preemption or a time limit (Slurm's SIGUSR2)
 * ask of a training process ({@link org.threshold.trainer.signal.StopSignals} makes the request).
 * The training loop looks at it after every step, so the run resumes exactly where it stopped,
 * not at an earlier periodic checkpoint.
 */
public final class StopRequest {

    /**
     * Who asked.
     *
     * @param signal the signal's name, e.g. {@code SIGUSR2}
     * @param number its number, for the exit code (128 + number, as a shell reports a signal)
     */
    public record Reason(String signal, int number) {
    }

    private final AtomicReference<Reason> reason = new AtomicReference<>();
    private volatile boolean training;
    private volatile boolean honoured;

    /**
     * Asks the run to stop at the end of its step. The first request is kept.
     *
     * @return whether a training loop is running to honour it; when none is (the process is
     *     loading its data, or the run has ended), the caller decides what the signal does
     */
    public boolean request(Reason why) {
        reason.compareAndSet(null, why);
        return training;
    }

    /** The request, once made. */
    public Optional<Reason> requested() {
        return Optional.ofNullable(reason.get());
    }

    /** Whether a training loop looks at the request now. */
    public boolean training() {
        return training;
    }

    /**
     * Whether the run has stopped on the request, its checkpoint written: the process is ending on
     * its own (a scheduler that requeues it may signal it once more meanwhile).
     */
    public boolean honoured() {
        return honoured;
    }

    void training(boolean now) {
        training = now;
    }

    void honour() {
        honoured = true;
    }
}
