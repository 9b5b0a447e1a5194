package org.threshold.app.cli;

import java.io.PrintWriter;
import org.threshold.api.config.ConfigException;
import org.threshold.api.config.ConfigProblem;
import org.threshold.api.sweep.SweepExecutorException;
import picocli.CommandLine;

/**
 * How a command that threw ends: a config with problems prints one line per problem, other bad
 * input (and an executor that cannot run where it was asked to) its message, both with exit code 2; anything else is an internal failure, exit code 1,
 * with a short message and a hint (the stack trace only with --debug).
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {

    private final ThresholdCommand threshold;

    Failures(ThresholdCommand threshold) {
        this.threshold = threshold;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (e instanceof ConfigException config) {
            for (ConfigProblem problem : config.problems()) {
                err.println(problem);
            }
            return ExitCode.BAD_INPUT;
        }
        if (e instanceof BadInputException || e instanceof SweepExecutorException) {
            err.println("threshold: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        err.println("threshold: internal failure: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        if (threshold.debug()) {
            e.printStackTrace(err);
        } else {
            err.println("threshold: run again with --debug for the stack trace, and report it with the config that caused it");
        }
        return ExitCode.INTERNAL_FAILURE;
    }
}
