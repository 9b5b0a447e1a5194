package org.threshold.analysis.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.threshold.api.model.Hooks;
import org.threshold.api.model.LayerActivations;
import org.threshold.api.model.Model;
import org.threshold.api.probe.TrainedRun;

/**
 * Appendix F's ratios of one run, per token of the given sequences at one layer:
 * r_attn = ‖SA(LN1(x))‖/‖x‖ and r_ffn = ‖FFN(LN2(x1))‖/‖x1‖, as natural logarithms.
 *
 * @param layer the layer measured (0-based)
 * @param sequence per token, which sequence it is in
 * @param position per token, its position in the sequence
 * @param token per token, its id
 * @param logAttention per token, log r_attn
 * @param logFeedForward per token, log r_ffn
 */
record LayerRatios(int layer, int[] sequence, int[] position, int[] token, double[] logAttention, double[] logFeedForward) {

    private static final int BATCH = 32;

    /**
     * @param layer 0-based, or -1 for the last
     * @param pad the token that fills short rows of a batch (never measured: the model is causal,
     *     so padding on the right changes nothing before it)
     */
    static LayerRatios measure(TrainedRun run, List<int[]> sequences, int layer, int pad) {
        List<int[]> rows = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        int measured = -1;
        try (NDManager manager = NDManager.newBaseManager()) {
            Model model = run.model(manager);
            Hooks hooks = ModelReading.hooks(model, run);
            int layers = hooks.layerCount();
            for (int start = 0; start < sequences.size(); start += BATCH) {
                List<int[]> batch = sequences.subList(start, Math.min(sequences.size(), start + BATCH));
                int time = batch.stream().mapToInt(s -> s.length).max().orElseThrow();
                long[] ids = new long[batch.size() * time];
                java.util.Arrays.fill(ids, pad);
                for (int b = 0; b < batch.size(); b++) {
                    int[] s = batch.get(b);
                    for (int t = 0; t < s.length; t++) {
                        ids[b * time + t] = s[t];
                    }
                }
                try (NDManager step = manager.newSubManager()) {
                    NDArray tokens = step.create(ids, new Shape(batch.size(), time));
                    int chosen = layer < 0 ? layers - 1 : layer;
                    if (chosen >= layers) {
                        throw new IllegalArgumentException("layer-ratios: layer: run " + run.id() + " has " + layers
                                + " layers (0 to " + (layers - 1) + ", or -1 for the last), asked for " + layer);
                    }
                    measured = chosen;
                    // the one layer measured, not all of them
                    LayerActivations a = LayerActivations.of(hooks.run(tokens, LayerActivations.hookNames(chosen), Map.of()), chosen);
                    float[] x = norms(a.input());
                    float[] attention = norms(a.attention());
                    float[] x1 = norms(a.afterAttention());
                    float[] feedForward = norms(a.feedForward());
                    for (int b = 0; b < batch.size(); b++) {
                        int[] s = batch.get(b);
                        for (int t = 0; t < s.length; t++) {
                            int i = b * time + t;
                            rows.add(new int[] {start + b, t, s[t]});
                            values.add(new double[] {Math.log(attention[i] / x[i]), Math.log(feedForward[i] / x1[i])});
                        }
                    }
                }
            }
        }
        int n = rows.size();
        int[] sequence = new int[n];
        int[] position = new int[n];
        int[] token = new int[n];
        double[] logAttention = new double[n];
        double[] logFeedForward = new double[n];
        for (int i = 0; i < n; i++) {
            sequence[i] = rows.get(i)[0];
            position[i] = rows.get(i)[1];
            token[i] = rows.get(i)[2];
            logAttention[i] = values.get(i)[0];
            logFeedForward[i] = values.get(i)[1];
        }
        return new LayerRatios(measured, sequence, position, token, logAttention, logFeedForward);
    }

    /** The L2 norm over the model dimension of (batch, time, d), flattened to batch·time. */
    private static float[] norms(NDArray x) {
        try (NDArray squares = x.square(); NDArray sums = squares.sum(new int[] {2}); NDArray norms = sums.sqrt()) {
            return norms.toFloatArray();
        }
    }
}
