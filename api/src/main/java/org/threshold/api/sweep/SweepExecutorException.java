package org.threshold.api.sweep;

/**
 * An executor cannot run the points where it was asked to, for a reason the user fixes where the
 * sweep runs: no scheduler commands on this machine, a submission the scheduler refused (an
 * unknown partition, an account it does not know). The message says what to do; the command
 * reports it as bad input (exit code 2), not as a bug.
 */
public final class SweepExecutorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SweepExecutorException(String message) {
        super(message);
    }

    public SweepExecutorException(String message, Throwable cause) {
        super(message, cause);
    }
}
