package org.threshold.app;

import java.io.PrintWriter;
import java.util.Locale;
import org.threshold.app.cli.ExitCode;

/**
 * A command that ran out of heap (or of stack): one short line that says what to change, the
 * stack trace only with --debug. The checks made before a run starts refuse what certainly cannot
 * fit; this is for what their estimates miss.
 */
final class VmFailure {

    private VmFailure() {
    }

    static int report(VirtualMachineError e, PrintWriter err, boolean debug, long heapBytes) {
        if (e instanceof OutOfMemoryError) {
            err.println(String.format(Locale.ROOT, "threshold: out of memory (%s): the Java heap of %.1f GB was too small for this "
                    + "command; give Java more heap (e.g. THRESHOLD_JAVA_OPTS=-Xmx%dg), or make the data or the model smaller",
                    e.getMessage() == null ? "OutOfMemoryError" : e.getMessage(), heapBytes / (double) (1L << 30),
                    Math.max(2, 2 * (long) Math.ceil(heapBytes / (double) (1L << 30)))));
        } else {
            err.println("threshold: internal failure: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        if (debug) {
            e.printStackTrace(err);
        } else if (!(e instanceof OutOfMemoryError)) {
            err.println("threshold: run again with --debug for the stack trace, and report it with the config that caused it");
        }
        err.flush();
        return ExitCode.INTERNAL_FAILURE;
    }
}
