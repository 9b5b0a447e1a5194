package org.threshold.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.threshold.listops.ListOpsConfig;
import org.threshold.listops.ListOpsTask;
import org.threshold.listops.task.ExpressionSettings;
import org.threshold.listops.task.ExpressionTask;

/**
 * Data generation speed for the default ListOps dataset: MAX+MED+SUM mod 10 within expressions,
 * depth 2, 2..3 operands, chain of thought, the held-out-triplet split with its defaults (45,000
 * train, 2,000 test, one 1,000-equation test set per operator: 50,000 equations, the size the
 * Python reference made). Each run creates the whole task on one thread, from a new seed, as a
 * training run does; the first run includes JIT warm-up.
 *
 * <pre>
 *   java -cp bench/target/classes:tasks-listops/target/classes:api/target/classes \
 *       org.threshold.bench.GenerationBenchmark [--runs 10] [--seed 1]
 * </pre>
 */
public final class GenerationBenchmark {

    private GenerationBenchmark() {
    }

    public static void main(String[] args) {
        int runs = 10;
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("usage: GenerationBenchmark [--runs N] [--seed S]");
                    System.exit(2);
                }
            }
        }
        if (runs < 2) {
            System.err.println("--runs must be at least 2 (the first run warms up the JIT)");
            System.exit(2);
        }
        ListOpsConfig config = ListOpsConfig.of("MAX", "MED", "SUM");
        ExpressionSettings e = config.expressions();
        long equations = (long) e.trainSize() + e.testSize() + (long) e.operators().size() * e.evalSize();
        System.out.printf(Locale.ROOT, "equations per run: %,d (train %,d + test %,d + %d per-operator test sets of %,d), one thread%n",
                equations, e.trainSize(), e.testSize(), e.operators().size(), e.evalSize());
        // CPU time of this thread as well as wall time: on a shared machine other processes stretch
        // the wall time, the thread's own CPU time much less.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wallRates = new double[runs];
        double[] cpuRates = new double[runs];
        for (int run = 0; run < runs; run++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            ExpressionTask task = ListOpsTask.create(config, seed + run);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            double drawn = task.figures().get("drawn");
            wallRates[run] = equations / seconds;
            cpuRates[run] = equations / cpuSeconds;
            if (run == 0) {
                System.out.println(task.describe());
            }
            System.out.printf(Locale.ROOT, "run %2d: %7.1f ms wall %7.1f ms cpu  %,10.0f equations/s (cpu %,10.0f)  %,10.0f draws/s%s%n",
                    run + 1, seconds * 1e3, cpuSeconds * 1e3, wallRates[run], cpuRates[run], drawn / seconds,
                    run == 0 ? "  (cold: JIT warm-up)" : "");
        }
        System.out.printf(Locale.ROOT, "equations/s: cold %,.0f; warm runs: median %,.0f wall, %,.0f per CPU second (%d runs)%n",
                wallRates[0], warmMedian(wallRates), warmMedian(cpuRates), runs - 1);
    }

    private static double warmMedian(double[] rates) {
        double[] warm = Arrays.copyOfRange(rates, 1, rates.length);
        Arrays.sort(warm);
        return warm.length % 2 == 1 ? warm[warm.length / 2] : (warm[warm.length / 2 - 1] + warm[warm.length / 2]) / 2;
    }
}
