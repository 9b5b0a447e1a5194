package org.threshold.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class VmFailureTest {

    private static String report(VirtualMachineError e, boolean debug) {
        StringWriter err = new StringWriter();
        assertThat(VmFailure.report(e, new PrintWriter(err), debug, 1L << 30)).isEqualTo(1);
        return err.toString();
    }

    @Test
    void runningOutOfHeapSaysWhatToChangeWithoutAStackTrace() {
        assertThat(report(new OutOfMemoryError("Java heap space"), false)).isEqualTo(
                "threshold: out of memory (Java heap space): the Java heap of 1.0 GB was too small for this command; give Java more "
                        + "heap (e.g. THRESHOLD_JAVA_OPTS=-Xmx2g), or make the data or the model smaller\n");
    }

    @Test
    void theStackTraceComesWithDebugOnly() {
        assertThat(report(new StackOverflowError(), false)).isEqualTo("threshold: internal failure: StackOverflowError\n"
                + "threshold: run again with --debug for the stack trace, and report it with the config that caused it\n");
        assertThat(report(new StackOverflowError(), true)).contains("\tat ");
    }
}
