package org.threshold.bench;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.threshold.api.model.GreedyDecoder;
import org.threshold.api.model.ModelShape;
import org.threshold.api.model.RecomputingGreedyDecoder;
import org.threshold.models.gpt.Gpt;
import org.threshold.models.gpt.GptConfig;

/**
 * Times greedy decoding as the trainer's evaluation runs it: many prompts of mixed lengths, a
 * fixed number of new tokens each, once with the GPT's key/value cache and once by recomputing
 * every position per new token, alternately; checks both give the same tokens.
 *
 * <pre>
 * TrainingDecodeBenchmark [--d 32] [--layers 2] [--prompts 1000] [--min-prompt 15] [--max-prompt 40]
 *                         [--new 40] [--vocab 21] [--ctx 128] [--threads 2] [--rounds 3]
 * </pre>
 */
public final class TrainingDecodeBenchmark {

    private TrainingDecodeBenchmark() {
    }

    public static void main(String[] args) {
        int d = 32, layers = 2, prompts = 1000, minPrompt = 15, maxPrompt = 40, fresh = 40, vocab = 21, ctx = 128;
        int threads = 2, rounds = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            int v = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--d" -> d = v;
                case "--layers" -> layers = v;
                case "--prompts" -> prompts = v;
                case "--min-prompt" -> minPrompt = v;
                case "--max-prompt" -> maxPrompt = v;
                case "--new" -> fresh = v;
                case "--vocab" -> vocab = v;
                case "--ctx" -> ctx = v;
                case "--threads" -> threads = v;
                case "--rounds" -> rounds = v;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        SplittableRandom random = new SplittableRandom(7);
        List<int[]> input = new ArrayList<>();
        for (int i = 0; i < prompts; i++) {
            int[] p = new int[minPrompt + random.nextInt(maxPrompt - minPrompt + 1)];
            for (int t = 0; t < p.length; t++) {
                p[t] = random.nextInt(vocab);
            }
            input.add(p);
        }
        Gpt model = new Gpt(GptConfig.standard(d, layers), new ModelShape(vocab, ctx));
        try (NDManager manager = NDManager.newBaseManager()) {
            model.initialize(manager, 1);
            GreedyDecoder cached = model.greedyDecoder(manager, ctx);
            GreedyDecoder recomputed = RecomputingGreedyDecoder.of(model.block(), manager, ctx);
            double[] cachedMs = new double[rounds];
            double[] recomputedMs = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                List<int[]> a = cached.decode(input, fresh, OptionalInt.empty());
                long t1 = System.nanoTime();
                List<int[]> b = recomputed.decode(input, fresh, OptionalInt.empty());
                long t2 = System.nanoTime();
                cachedMs[r] = (t1 - t0) / 1e6;
                recomputedMs[r] = (t2 - t1) / 1e6;
                for (int i = 0; i < a.size(); i++) {
                    if (!Arrays.equals(a.get(i), b.get(i))) {
                        throw new IllegalStateException("cached and recomputed decoding differ at prompt " + i);
                    }
                }
            }
            Arrays.sort(cachedMs);
            Arrays.sort(recomputedMs);
            System.out.printf(Locale.ROOT, "d=%d layers=%d prompts=%d new=%d: cached_ms=%.0f recomputed_ms=%.0f speedup=%.1f%n",
                    d, layers, prompts, fresh, cachedMs[rounds / 2], recomputedMs[rounds / 2],
                    recomputedMs[rounds / 2] / cachedMs[rounds / 2]);
        }
    }
}
