package org.threshold.app.cli;

/** The exit codes of the threshold command, documented in its --help. */
public final class ExitCode {

    public static final int OK = 0;
    /** Threshold itself failed (a bug, or the machine): a short message and a hint. */
    public static final int INTERNAL_FAILURE = 1;
    /** The input is wrong (config, options, files, plugins): one line per problem on stderr. */
    public static final int BAD_INPUT = 2;

    private ExitCode() {
    }
}
