package org.threshold.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.threshold.api.model.ModelShape;
import org.threshold.models.gpt.Gpt;
import org.threshold.models.gpt.GptConfig;
import org.threshold.trainer.step.Adam;
import org.threshold.trainer.step.GradientClipping;
import org.threshold.trainer.step.LearningRateSchedule;
import org.threshold.trainer.step.StackedStep;
import org.threshold.trainer.step.StepResult;
import org.threshold.trainer.step.TokenBatch;
import org.threshold.trainer.step.TrainingStep;

/**
 * Times Threshold's training step on the shapes of the PyTorch reference
 * ({@code shared/bench/peer_gpt.py}): the same model, random token batches of the same size,
 * Adam lr 1e-3 with β = (0.9, 0.999), no warm-up or clipping. One step is what the trainer runs:
 * building the batch arrays, forward, loss, backward, the gradient norm, the update, reading the
 * loss back.
 *
 * <pre>
 * TrainingBenchmark --d 64 --layers 3 [--batch 64] [--ctx 64] [--vocab 24] [--steps 50] [--warmup 10]
 *                   [--threads 2] [--nbatches 4] [--rss-every N] [--profile trace.json] [--stack K]
 * </pre>
 *
 * <p>With {@code --stack K} (K > 1) it times the stacked step of K such models (SPEC section
 * 10) as the trainer runs it: K members, each in its own thread with its own Adam and batches,
 * joined in one {@link StackedStep} (one forward and backward pass for all, then each member's
 * update); ms_per_step is then the time of one stacked step, which trains all K.
 *
 * <p>Prints diagnostics, then last a line in the reference's format plus memory:
 * {@code ms_per_step=<median> params=<n> peak_rss_mb=<VmHWM>}. With {@code --rss-every N} it also
 * prints {@code rss step=<s> rss_mb=<VmRSS>} every N steps, for the long-run memory check.
 */
public final class TrainingBenchmark {

    private TrainingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        // libtorch reads its thread counts once, when the engine starts
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(o.threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        if (o.stack > 1) {
            stacked(o);
            return;
        }
        ModelShape shape = new ModelShape(o.vocab, o.ctx);
        Gpt model = new Gpt(GptConfig.standard(o.d, o.layers), shape);
        TokenBatch[] batches = randomBatches(o);
        int total = o.warmup + o.steps;
        double[] millis = new double[o.steps];
        float firstLoss = Float.NaN;
        float lastLoss = Float.NaN;
        try (NDManager manager = NDManager.newBaseManager()) {
            model.initialize(manager, 1234);
            try (TrainingStep step = new TrainingStep(model, new Adam(0.9, 0.999, 1e-8, 0, manager),
                    new LearningRateSchedule(1e-3, 1e-3, 0, total, false), new GradientClipping(0), manager)) {
                for (int s = 0; s < total; s++) {
                    long start = System.nanoTime();
                    StepResult r = step.run(batches[s % batches.length]);
                    long end = System.nanoTime();
                    if (s == 0) {
                        firstLoss = r.loss();
                    }
                    lastLoss = r.loss();
                    if (s >= o.warmup) {
                        millis[s - o.warmup] = (end - start) / 1e6;
                    }
                    if (o.rssEvery > 0 && (s + 1) % o.rssEvery == 0) {
                        System.out.printf(Locale.ROOT, "rss step=%d rss_mb=%.1f%n", s + 1, memory("VmRSS:"));
                    }
                }
                if (o.profile.isPresent()) {
                    // as the reference's --profile: three more steps into a Chrome trace (libtorch's profiler)
                    JniUtils.startProfile(false, true, false);
                    for (int s = 0; s < 3; s++) {
                        step.run(batches[s % batches.length]);
                    }
                    JniUtils.stopProfile(o.profile.get());
                }
            }
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(millis).average().orElse(Double.NaN);
        System.err.printf(Locale.ROOT, "# threshold d=%d L=%d B=%d T=%d threads=%d loss first=%.4f last=%.4f mean_ms=%.3f "
                        + "min_ms=%.3f p90_ms=%.3f%n", o.d, o.layers, o.batch, o.ctx, o.threads, firstLoss, lastLoss, mean,
                sorted[0], sorted[(int) (0.9 * (sorted.length - 1))]);
        System.out.printf(Locale.ROOT, "ms_per_step=%.3f params=%d peak_rss_mb=%.1f%n", median(sorted),
                model.parameterCount(), memory("VmHWM:"));
    }

    /** K members in one StackedStep, each stepping in its own thread; member 0's step time is the stacked step's. */
    private static void stacked(Options o) throws Exception {
        ModelShape shape = new ModelShape(o.vocab, o.ctx);
        TokenBatch[] batches = randomBatches(o);
        int total = o.warmup + o.steps;
        double[] millis = new double[o.steps];
        float[] losses = new float[2];
        long parameters;
        try (NDManager manager = NDManager.newBaseManager()) {
            List<Gpt> models = new ArrayList<>();
            List<TrainingStep> steps = new ArrayList<>();
            for (int k = 0; k < o.stack; k++) {
                Gpt model = new Gpt(GptConfig.standard(o.d, o.layers), shape);
                model.initialize(manager, 1234 + k);
                models.add(model);
                steps.add(new TrainingStep(model, new Adam(0.9, 0.999, 1e-8, 0, manager),
                        new LearningRateSchedule(1e-3, 1e-3, 0, total, false), new GradientClipping(0), manager));
            }
            parameters = models.get(0).parameterCount();
            StackedStep stack = new StackedStep(models.get(0).stacking().orElseThrow(), o.stack, manager);
            for (int k = 0; k < o.stack; k++) {
                stack.join(k, models.get(k), steps.get(k));
            }
            ExecutorService members = Executors.newFixedThreadPool(o.stack);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int k = 0; k < o.stack; k++) {
                    int position = k;
                    running.add(members.submit(() -> {
                        for (int s = 0; s < total; s++) {
                            long start = System.nanoTime();
                            StepResult r = stack.run(position, batches[(s * o.stack + position) % batches.length]);
                            long end = System.nanoTime();
                            if (position == 0) {
                                losses[s == 0 ? 0 : 1] = r.loss();
                                if (s >= o.warmup) {
                                    millis[s - o.warmup] = (end - start) / 1e6;
                                }
                            }
                        }
                        stack.leave(position);
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
            } finally {
                members.shutdownNow();
                steps.forEach(TrainingStep::close);
            }
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.err.printf(Locale.ROOT, "# threshold stacked K=%d d=%d L=%d B=%d T=%d threads=%d member 0 loss first=%.4f last=%.4f "
                + "min_ms=%.3f p90_ms=%.3f%n", o.stack, o.d, o.layers, o.batch, o.ctx, o.threads, losses[0], losses[1], sorted[0],
                sorted[(int) (0.9 * (sorted.length - 1))]);
        System.out.printf(Locale.ROOT, "ms_per_step=%.3f params=%d stack=%d peak_rss_mb=%.1f%n", median(sorted), parameters, o.stack,
                memory("VmHWM:"));
    }

    /** Random tokens like the reference's: {@code nbatches} batches of (batch, ctx + 1), inputs and shifted targets. */
    private static TokenBatch[] randomBatches(Options o) {
        SplittableRandom random = new SplittableRandom(1234);
        TokenBatch[] batches = new TokenBatch[o.nbatches];
        for (int b = 0; b < batches.length; b++) {
            long[] inputs = new long[o.batch * o.ctx];
            long[] targets = new long[o.batch * o.ctx];
            for (int row = 0; row < o.batch; row++) {
                long previous = random.nextInt(o.vocab);
                for (int t = 0; t < o.ctx; t++) {
                    long next = random.nextInt(o.vocab);
                    inputs[row * o.ctx + t] = previous;
                    targets[row * o.ctx + t] = next;
                    previous = next;
                }
            }
            batches[b] = TokenBatch.unmasked(o.batch, o.ctx, inputs, targets);
        }
        return batches;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** A memory line of /proc/self/status in MiB (Linux); NaN elsewhere. */
    static double memory(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    private record Options(int d, int layers, int batch, int ctx, int vocab, int steps, int warmup, int threads,
                           int nbatches, int rssEvery, Optional<String> profile, int stack) {

        static Options parse(String[] args) {
            int d = 64;
            int layers = 3;
            int batch = 64;
            int ctx = 64;
            int vocab = 24;
            int steps = 50;
            int warmup = 10;
            int threads = 2;
            int nbatches = 4;
            int rssEvery = 0;
            int stack = 1;
            Optional<String> profile = Optional.empty();
            for (int i = 0; i < args.length; i++) {
                String key = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(key + " needs a value");
                }
                if (key.equals("--profile")) {
                    profile = Optional.of(args[++i]);
                    continue;
                }
                int value = Integer.parseInt(args[++i]);
                switch (key) {
                    case "--d" -> d = value;
                    case "--layers" -> layers = value;
                    case "--batch" -> batch = value;
                    case "--ctx" -> ctx = value;
                    case "--vocab" -> vocab = value;
                    case "--steps" -> steps = value;
                    case "--warmup" -> warmup = value;
                    case "--threads" -> threads = value;
                    case "--nbatches" -> nbatches = value;
                    case "--rss-every" -> rssEvery = value;
                    case "--stack" -> stack = value;
                    default -> throw new IllegalArgumentException("unknown option " + key + "; known: --d --layers --batch "
                            + "--ctx --vocab --steps --warmup --threads --nbatches --rss-every --profile --stack");
                }
            }
            if (steps < 1 || warmup < 0 || nbatches < 1 || stack < 1) {
                throw new IllegalArgumentException("need --steps >= 1, --warmup >= 0, --nbatches >= 1, --stack >= 1");
            }
            return new Options(d, layers, batch, ctx, vocab, steps, warmup, threads, nbatches, rssEvery, profile, stack);
        }
    }
}
