package org.threshold.trainer.step;

/**
 * Tests train tiny models on shared machines: one libtorch thread is faster there and never
 * stalls on a descheduled second OpenMP thread. Must run before the engine starts.
 */
final class TestThreads {

    private TestThreads() {
    }

    static void useOne() {
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }
}
