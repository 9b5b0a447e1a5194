package org.threshold.trainer;

import org.threshold.runs.run.Numerics;

/**
 * A run that started with one numerical environment would resume with another (an environment
 * variable libtorch reads when it loads, or a thread count this JVM's engine already has), so its
 * numbers would depend on where it resumed. Nothing is trained; the message says how to resume it.
 */
public final class NumericsChangedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Numerics recorded;

    public NumericsChangedException(String identity, Numerics recorded, Numerics now) {
        super("run " + identity + " started with " + recorded.describe() + " and would resume with other numerics: "
                + String.join(", ", recorded.differences(now)) + "; resume it in a process with the same settings (docs/RUNS.md, "
                + "\"Numerics\")");
        this.recorded = recorded;
    }

    /** The numerics the run started with (its stack among them). */
    public Numerics recorded() {
        return recorded;
    }
}
