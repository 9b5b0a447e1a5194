package org.threshold.trainer;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
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
 * @param keepCheckpoints steps whose checkpoints are saved too and never pruned (the
 *     learning-dynamics probe's snapshots)
 */
public record RuntimeConfig(String device, int threads, String output, int checkpointEvery,
                            SortedSet<Long> keepCheckpoints) {

    public RuntimeConfig {
        keepCheckpoints = Collections.unmodifiableSortedSet(new TreeSet<>(keepCheckpoints));
    }

    /** A runtime that keeps only the newest checkpoints. */
    public RuntimeConfig(String device, int threads, String output, int checkpointEvery) {
        this(device, threads, output, checkpointEvery, new TreeSet<>());
    }

    public static RuntimeConfig bind(ConfigSection s) {
        return new RuntimeConfig(
                s.choice("device", "auto", List.of("auto", "cpu", "gpu")),
                s.integer("threads", 0, 0, 1024),
                s.text("output", "runs"),
                s.integer("checkpoint_every", 1_000, 1, Integer.MAX_VALUE),
                new TreeSet<>(s.integers("keep_checkpoints", List.of(), 1, Integer.MAX_VALUE)
                        .stream().map(Integer::longValue).toList()));
    }
}
