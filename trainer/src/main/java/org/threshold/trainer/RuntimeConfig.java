package org.threshold.trainer;

import org.threshold.api.config.ConfigSection;

/**
 * The {@code runtime:} section: how and where a run executes. Nothing here changes the science,
 * so none of it enters a run directory's name (DESIGN.md, run directories).
 *
 * @param device "auto" (a GPU when the engine has one), "cpu" or "gpu"
 * @param threads libtorch intra-op threads per run; 0 picks for the machine
 * @param output directory under which run directories are created
 * @param checkpointEvery save a checkpoint every this many steps (and at the end); a killed run
 *     loses at most this many steps
 */
public record RuntimeConfig(String device, int threads, String output, int checkpointEvery,
                            java.util.SortedSet<Long> keepCheckpoints) {

    public RuntimeConfig {
        keepCheckpoints = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(keepCheckpoints));
    }

    /** A runtime that keeps only the newest checkpoints. */
    public RuntimeConfig(String device, int threads, String output, int checkpointEvery) {
        this(device, threads, output, checkpointEvery, new java.util.TreeSet<>());
    }

    public static RuntimeConfig bind(ConfigSection s) {
        return new RuntimeConfig(
                s.choice("device", "auto", java.util.List.of("auto", "cpu", "gpu")),
                s.integer("threads", 0, 0, 1024),
                s.text("output", "runs"),
                s.integer("checkpoint_every", 1_000, 1, Integer.MAX_VALUE),
                // steps whose checkpoints stay besides the newest two: the learning-dynamics probe's snapshots
                new java.util.TreeSet<>(s.integers("keep_checkpoints", java.util.List.of(), 1, Integer.MAX_VALUE)
                        .stream().map(Integer::longValue).toList()));
    }
}
