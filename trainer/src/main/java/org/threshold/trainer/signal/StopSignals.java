package org.threshold.trainer.signal;

import java.util.List;
import org.threshold.trainer.StopRequest;
import sun.misc.Signal;

/**
 * SIGTERM, SIGINT and SIGUSR2 as requests to stop a training process at the end of its step,
 * with a checkpoint there ({@link StopRequest}). SIGTERM is what a scheduler, {@code kill} and the
 * local executor send to stop a point; SIGINT is Ctrl-C; SIGUSR2 is Slurm's warning ahead of a
 * preemption or the time limit ({@code sbatch --signal=USR2@90}, SPEC section 11).
 *
 * <p>SIGTERM or SIGINT while no training loop runs (data being generated, probes after the end),
 * or a second one before the first is honoured, stops the process at once, as without these
 * handlers: its last checkpoint is kept. Once the run has stopped with its checkpoint, further
 * signals are only reported: the process is ending by itself (Slurm sends TERM to a task that
 * requeues itself). SIGUSR2 never stops it at once: a run that has not begun
 * its loop stops after its first step, one that has ended has nothing to save.
 */
public final class StopSignals {

    /** The signals handled, by their names without "SIG". */
    public static final List<String> NAMES = List.of("TERM", "INT", "USR2");

    private StopSignals() {
    }

    /**
     * Handles the signals for the rest of this process's life (a later call replaces the
     * handlers), turning them into requests on the returned {@link StopRequest}.
     */
    public static StopRequest install() {
        StopRequest request = new StopRequest();
        for (String name : NAMES) {
            Signal.handle(new Signal(name), signal -> handle(request, signal));
        }
        return request;
    }

    private static void handle(StopRequest request, Signal signal) {
        StopRequest.Reason reason = new StopRequest.Reason("SIG" + signal.getName(), signal.getNumber());
        boolean first = request.requested().isEmpty();
        boolean looping = request.request(reason);
        if (signal.getName().equals("USR2")) {
            if (first) {
                System.err.println("threshold: " + reason.signal() + ": writing a checkpoint at the end of this step, then stopping");
            }
            return;
        }
        if (request.honoured()) {
            // the checkpoint is written and the process ends by itself; e.g. Slurm's TERM after the run requeued its task
            System.err.println("threshold: " + reason.signal() + ": the run has stopped already, with its checkpoint");
            return;
        }
        if (first && looping) {
            System.err.println("threshold: " + reason.signal() + ": writing a checkpoint at the end of this step, then stopping ("
                    + reason.signal() + " again stops at once)");
            return;
        }
        System.err.println("threshold: " + reason.signal() + ": stopping now; the run resumes from its last checkpoint");
        System.exit(128 + signal.getNumber());
    }
}
