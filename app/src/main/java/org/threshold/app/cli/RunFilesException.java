package org.threshold.app.cli;

/**
 * A command stopped by the files of a run or sweep rather than by a bug: a damaged file that
 * nothing readable can replace, a disk that is full, a directory it may not write. Exit code 1
 * and the message alone, which names the file, what is wrong and what to do; no stack trace
 * (unless --debug) and no request to report it.
 */
public final class RunFilesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RunFilesException(String message, Throwable cause) {
        super(message, cause);
    }
}
