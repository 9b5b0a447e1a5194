package org.threshold.trainer.device;

/**
 * Intra-op threads of the engine ({@code runtime.threads}). libtorch reads them once, when DJL
 * loads the engine, from the system properties set here: a run sets them before it first touches
 * the engine, which is why every run of a sweep is its own JVM (DESIGN.md, run directories).
 */
public final class EngineThreads {

    static final String INTRA_OP = "ai.djl.pytorch.num_threads";
    static final String INTER_OP = "ai.djl.pytorch.num_interop_threads";

    private static volatile boolean loaded;

    private EngineThreads() {
    }

    /** The thread count a setting means: the setting itself, or for 0 one thread per available core. */
    public static int resolve(int setting) {
        return setting > 0 ? setting : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Asks the engine for {@code threads} intra-op threads and one inter-op thread (the trainer runs
     * one operator at a time), unless the JVM was started with its own choice.
     *
     * @return the intra-op thread count the engine will use when it loads
     */
    public static int request(int threads) {
        if (System.getProperty(INTRA_OP) == null) {
            System.setProperty(INTRA_OP, Integer.toString(threads));
        }
        if (System.getProperty(INTER_OP) == null) {
            System.setProperty(INTER_OP, "1");
        }
        return Integer.getInteger(INTRA_OP, threads);
    }

    /**
     * Asks the engine for exactly {@code threads} intra-op threads, over any choice the JVM was
     * started with: a resumed run's recorded thread count wins over the executor's layout. It takes
     * effect if the engine has not loaded yet in this JVM (each run is its own process); otherwise
     * the count the engine loaded with is returned, and the caller sees the difference.
     *
     * @return the intra-op thread count the engine uses
     */
    public static int pin(int threads) {
        if (!loaded) {
            System.setProperty(INTRA_OP, Integer.toString(threads));
            System.setProperty(INTER_OP, "1");
        }
        return Integer.getInteger(INTRA_OP, threads);
    }

    /** Called once the engine is loaded: its thread count is fixed from then on. */
    public static void loaded() {
        loaded = true;
    }
}
