package org.threshold.app;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Map;
import org.threshold.app.cli.ThresholdCommand;
import org.threshold.app.runfile.Machine;
import org.threshold.app.runfile.ThisMachine;
import picocli.CommandLine;

/** The {@code threshold} command's entry point (bin/threshold runs it). */
public final class Threshold {

    private Threshold() {
    }

    public static void main(String[] args) {
        // Before anything touches DJL: libtorch comes from the pytorch-native-cpu jar, never the network.
        System.setProperty("ai.djl.offline", "true");
        // slf4j-simple reads its level once, when the first logger is made (quiet by default:
        // simplelogger.properties); --debug shows everything.
        if (Arrays.asList(args).contains("--debug")) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        }
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(args, out, err, System.getenv());
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs one command in this JVM, as tests do.
     *
     * @return the exit code: 0 success, 1 internal failure, 2 bad input
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        return run(args, out, err, environment, new ThisMachine());
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter, Map)} on a given machine, as tests do. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment, Machine machine) {
        try (ThresholdCommand threshold = new ThresholdCommand(environment, machine)) {
            CommandLine command = ThresholdCommand.commandLine(threshold, out, err);
            return command.execute(args);
        } catch (VirtualMachineError e) {
            // picocli hands errors on: without this the JVM prints their stack trace
            return VmFailure.report(e, err, Arrays.asList(args).contains("--debug"), machine.heapBytes());
        } finally {
            out.flush();
            err.flush();
        }
    }
}
