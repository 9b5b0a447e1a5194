package org.threshold.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Locale;

/**
 * The machine's fp32 matrix-multiply rate through the same libtorch the trainer uses: the
 * denominator of a training step's fraction of peak (docs/PERFORMANCE.md, "Distance to the
 * machine's limit"). Times {@code reps} products of random (m x k) and (k x n) matrices (n x n
 * by default) and reports the median GFLOP/s (2 m k n per product).
 *
 * <pre>
 * PeakBenchmark [--n 2048] [--m M] [--k K] [--reps 20] [--warmup 3] [--threads 2]
 * </pre>
 *
 * Prints {@code gflops=<median> m=<m> k=<k> n=<n> threads=<t>}.
 */
public final class PeakBenchmark {

    private PeakBenchmark() {
    }

    public static void main(String[] args) {
        int n = 2048;
        int reps = 20;
        int warmup = 3;
        int threads = 2;
        int m = -1;
        int k = -1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            int value = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--n" -> n = value;
                case "--reps" -> reps = value;
                case "--warmup" -> warmup = value;
                case "--threads" -> threads = value;
                case "--m" -> m = value;
                case "--k" -> k = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; known: --n --m --k --reps --warmup "
                        + "--threads");
            }
        }
        m = m < 0 ? n : m;
        k = k < 0 ? n : k;
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        double[] gflops = new double[reps];
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(1234);
            NDArray a = manager.randomUniform(-1, 1, new Shape(m, k));
            NDArray b = manager.randomUniform(-1, 1, new Shape(k, n));
            for (int r = 0; r < warmup + reps; r++) {
                try (NDManager scope = manager.newSubManager()) {
                    long start = System.nanoTime();
                    NDArray c = a.matMul(b);
                    c.attach(scope);
                    c.getFloat(0, 0); // waits for the product
                    long end = System.nanoTime();
                    if (r >= warmup) {
                        gflops[r - warmup] = 2.0 * m * k * n / ((end - start) / 1e9) / 1e9;
                    }
                }
            }
        }
        Arrays.sort(gflops);
        double median = reps % 2 == 1 ? gflops[reps / 2] : (gflops[reps / 2 - 1] + gflops[reps / 2]) / 2;
        System.out.printf(Locale.ROOT, "gflops=%.1f m=%d k=%d n=%d threads=%d%n", median, m, k, n, threads);
    }
}
