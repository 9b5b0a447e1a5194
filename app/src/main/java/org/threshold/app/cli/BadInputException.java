package org.threshold.app.cli;

/**
 * Input the user can fix (a missing plugins directory, a file that does not exist), as opposed to
 * a failure inside Threshold: exit code 2 and the message alone, without a stack trace.
 */
public final class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }
}
