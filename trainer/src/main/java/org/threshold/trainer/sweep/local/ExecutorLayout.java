package org.threshold.trainer.sweep.local;

import java.util.OptionalInt;

/**
 * How many grid points run at once and how many libtorch threads each gets.
 *
 * <p>{@code auto} fills the machine with single-threaded runs: one run per core (fewer when the
 * sweep has fewer points left), each with the cores left to it, usually one. Tiny models do not
 * keep several threads busy: on 2 cores, two one-thread runs side by side trained more steps per
 * second than one two-thread run (docs/PERFORMANCE.md, "Sweep throughput", has the measured ratio
 * and the command).
 *
 * @param parallel processes at once
 * @param threads libtorch intra-op threads per process
 */
public record ExecutorLayout(int parallel, int threads) {

    public ExecutorLayout {
        if (parallel < 1 || threads < 1) {
            throw new IllegalArgumentException("a layout needs at least one run at a time and one thread, got " + parallel
                    + " runs of " + threads + " threads");
        }
    }

    /**
     * The layout for the settings ({@code auto} is empty), the machine's cores and the points to run.
     */
    public static ExecutorLayout choose(OptionalInt parallel, OptionalInt threads, int cores, int points) {
        int usable = Math.max(1, cores);
        int wanted = Math.max(1, points);
        if (parallel.isPresent() && threads.isPresent()) {
            return new ExecutorLayout(parallel.getAsInt(), threads.getAsInt());
        }
        if (parallel.isPresent()) {
            int runs = Math.min(parallel.getAsInt(), wanted);
            return new ExecutorLayout(parallel.getAsInt(), Math.max(1, usable / runs));
        }
        if (threads.isPresent()) {
            return new ExecutorLayout(Math.max(1, Math.min(wanted, usable / threads.getAsInt())), threads.getAsInt());
        }
        int runs = Math.min(usable, wanted);
        return new ExecutorLayout(runs, Math.max(1, usable / runs));
    }

    /** "2 runs at once, 1 thread each". */
    public String describe() {
        return parallel + (parallel == 1 ? " run" : " runs") + " at once, " + threads + (threads == 1 ? " thread" : " threads")
                + " each";
    }
}
