package org.threshold.app.cli;

import java.io.PrintWriter;
import java.util.Optional;
import org.threshold.api.config.ConfigException;
import org.threshold.api.config.ConfigProblem;
import org.threshold.api.sweep.SweepExecutorException;
import org.threshold.runs.DamagedFileException;
import org.threshold.runs.IoFailure;
import org.threshold.trainer.DamagedRunException;
import picocli.CommandLine;

/**
 * How a command that threw ends: a config with problems prints one line per problem, other bad
 * input (and an executor that cannot run where it was asked to) its message, both with exit code 2.
 * A damaged file, or a file that cannot be written (a full disk, permissions), is the machine's
 * doing, not Threshold's: exit code 1 with the file and the reason. Anything else is an internal
 * failure, exit code 1, with a short message and a hint. A stack trace only with --debug.
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
        Optional<String> files = filesProblem(e, command.getCommandName());
        if (files.isPresent()) {
            err.println("threshold: " + files.get());
            if (threshold.debug()) {
                e.printStackTrace(err);
            }
            return ExitCode.INTERNAL_FAILURE;
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

    /**
     * The one line for a failure caused by files rather than by Threshold: a damaged file (named,
     * with what is wrong) or an input or output failure (the file and the operating system's
     * reason). A run stopped that way keeps its checkpoints, and the line says so.
     */
    static Optional<String> filesProblem(Throwable e, String commandName) {
        if (e instanceof RunFilesException || e instanceof DamagedRunException) {
            return Optional.of(e.getMessage());
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof DamagedFileException damaged) {
                return Optional.of(damaged.getMessage());
            }
        }
        if (IoFailure.in(e).isEmpty()) {
            return Optional.empty();
        }
        String line = IoFailure.describe(e);
        if (commandName.equals("run")) {
            String fix = IoFailure.reason(IoFailure.in(e).get()).contains("No space left") ? "free some space" : "fix that";
            line += "; what the run has saved is kept: " + fix + " and run the same command again to continue it";
        }
        return Optional.of(line);
    }
}
