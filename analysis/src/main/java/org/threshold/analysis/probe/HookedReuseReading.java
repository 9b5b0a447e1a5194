package org.threshold.analysis.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.threshold.api.model.ActivationRun;
import org.threshold.api.model.HookPoint;
import org.threshold.api.model.Hooks;

/**
 * {@link ReuseReading} through a model's named hooks: {@code blocks.{l}.hook_mlp_out} captured,
 * or replaced at the last position (the rest of the prompt keeps its own output), in batches of
 * at most {@value #BATCH} prompts, each batch's arrays closed with it.
 */
final class HookedReuseReading implements ReuseReading {

    static final int BATCH = 256;

    private final Hooks hooks;
    private final NDManager manager;
    private final int layers;

    HookedReuseReading(Hooks hooks, NDManager manager) {
        this.hooks = hooks;
        this.manager = manager;
        this.layers = hooks.layerCount();
    }

    @Override
    public int layers() {
        return layers;
    }

    @Override
    public double[][][] mlpOut(List<int[]> prompts) {
        List<String> names = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            names.add(HookPoint.MLP_OUT.hookName(l));
        }
        double[][][] out = new double[prompts.size()][layers][];
        for (int start = 0; start < prompts.size(); start += BATCH) {
            List<int[]> batch = prompts.subList(start, Math.min(prompts.size(), start + BATCH));
            try (NDManager step = manager.newSubManager()) {
                NDArray tokens = tokens(step, batch);
                ActivationRun run = hooks.run(tokens, names, Map.of());
                for (int l = 0; l < layers; l++) {
                    double[][] rows = lastPosition(run.get(names.get(l)));
                    for (int b = 0; b < batch.size(); b++) {
                        out[start + b][l] = rows[b];
                    }
                }
            }
        }
        return out;
    }

    @Override
    public int[] answers(List<int[]> prompts) {
        int[] out = new int[prompts.size()];
        for (int start = 0; start < prompts.size(); start += BATCH) {
            List<int[]> batch = prompts.subList(start, Math.min(prompts.size(), start + BATCH));
            try (NDManager step = manager.newSubManager()) {
                System.arraycopy(argMaxLast(hooks.run(tokens(step, batch), List.of(), Map.of()).logits()), 0, out, start,
                        batch.size());
            }
        }
        return out;
    }

    @Override
    public int[] patchedAnswers(List<int[]> prompts, int layer, double[][] rows) {
        if (rows.length != prompts.size()) {
            throw new IllegalArgumentException(prompts.size() + " prompts but " + rows.length + " replacement rows");
        }
        String name = HookPoint.MLP_OUT.hookName(layer);
        int[] out = new int[prompts.size()];
        for (int start = 0; start < prompts.size(); start += BATCH) {
            List<int[]> batch = prompts.subList(start, Math.min(prompts.size(), start + BATCH));
            try (NDManager step = manager.newSubManager()) {
                NDArray tokens = tokens(step, batch);
                NDArray own = hooks.capture(tokens, name).get(name);
                long[] shape = own.getShape().getShape();
                int time = Math.toIntExact(shape[1]);
                int d = Math.toIntExact(shape[2]);
                float[] values;
                try (NDArray floats = own.toType(DataType.FLOAT32, false)) {
                    values = floats.toFloatArray();
                }
                for (int b = 0; b < batch.size(); b++) {
                    double[] row = rows[start + b];
                    if (row.length != d) {
                        throw new IllegalArgumentException("a replacement of " + row.length + " values for " + name
                                + " of width " + d);
                    }
                    int at = (b * time + time - 1) * d;
                    for (int k = 0; k < d; k++) {
                        values[at + k] = (float) row[k];
                    }
                }
                NDArray replacement = step.create(values, new Shape(shape)).toType(own.getDataType(), false);
                int[] answers = argMaxLast(hooks.run(tokens, List.of(), Map.of(name, replacement)).logits());
                System.arraycopy(answers, 0, out, start, batch.size());
            }
        }
        return out;
    }

    private static NDArray tokens(NDManager step, List<int[]> batch) {
        int time = batch.get(0).length;
        long[] ids = new long[batch.size() * time];
        for (int b = 0; b < batch.size(); b++) {
            int[] p = batch.get(b);
            if (p.length != time) {
                throw new IllegalArgumentException("prompts of one batch have one length: " + p.length + " and " + time);
            }
            for (int t = 0; t < time; t++) {
                ids[b * time + t] = p[t];
            }
        }
        return step.create(ids, new Shape(batch.size(), time));
    }

    /** {@code [batch][d]}: an activation (batch, time, d) at its last position. */
    private static double[][] lastPosition(NDArray activation) {
        long[] shape = activation.getShape().getShape();
        int batch = Math.toIntExact(shape[0]);
        int time = Math.toIntExact(shape[1]);
        int d = Math.toIntExact(shape[2]);
        float[] values;
        try (NDArray floats = activation.toType(DataType.FLOAT32, false)) {
            values = floats.toFloatArray();
        }
        double[][] out = new double[batch][d];
        for (int b = 0; b < batch; b++) {
            int at = (b * time + time - 1) * d;
            for (int k = 0; k < d; k++) {
                out[b][k] = values[at + k];
            }
        }
        return out;
    }

    /** The argmax token of each row's last logits (batch, time, vocabulary); ties go to the lower id. */
    private static int[] argMaxLast(NDArray logits) {
        double[][] last = lastPosition(logits);
        int[] out = new int[last.length];
        for (int b = 0; b < last.length; b++) {
            int best = 0;
            for (int v = 1; v < last[b].length; v++) {
                if (last[b][v] > last[b][best]) {
                    best = v;
                }
            }
            out[b] = best;
        }
        return out;
    }
}
