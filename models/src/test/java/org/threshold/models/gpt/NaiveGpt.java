package org.threshold.models.gpt;

import java.util.HashMap;
import java.util.Map;

/**
 * A test oracle: the model of SPEC sections 5 and 5b written out loop by loop in double precision
 * from the flat parameter vector, so the DJL model can be checked against arithmetic a reader can
 * follow line by line (heads, head size, recurrence, masks, positions, norms, biases, MLPs, tying).
 * Tensors are found by their nanoGPT names; one the config leaves out is absent.
 */
final class NaiveGpt {

    private final ParameterLayout layout;
    private final GptConfig config;
    private final float[] p;
    private final int d;
    private final int heads;
    private final int hs;

    NaiveGpt(ParameterLayout layout, float[] parameters) {
        this.layout = layout;
        this.config = layout.config();
        this.p = parameters;
        this.d = config.d();
        this.heads = config.heads();
        this.hs = config.headSize();
    }

    /** Logits (time, vocabulary) of one sequence. */
    double[][] logits(int[] tokens) {
        return logits(tokens, Map.of());
    }

    /**
     * Logits (time, vocabulary) of one sequence with the MLP output FFN(LN2(x1)) of some block
     * applications replaced (activation patching): layer to (time, d).
     */
    double[][] logits(int[] tokens, Map<Integer, double[][]> mlpOut) {
        double[][] x = residualStream(tokens, mlpOut, new HashMap<>());
        int time = tokens.length;
        int vocabulary = layout.shape().vocabularySize();
        String head = config.tieEmbeddings() ? "transformer.wte.weight" : "lm_head.weight";
        double[][] out = new double[time][vocabulary];
        for (int t = 0; t < time; t++) {
            double[] n = norm(x[t], "transformer.ln_f");
            out[t] = linear(n, off(head), -1, vocabulary, d);
        }
        return out;
    }

    /** FFN(LN2(x1)) of block application {@code layer}, (time, d); zeros for an application without MLP. */
    double[][] mlpOut(int[] tokens, int layer) {
        Map<Integer, double[][]> seen = new HashMap<>();
        residualStream(tokens, Map.of(), seen);
        return seen.get(layer);
    }

    /** What is added to the token embeddings at position t: learned, sinusoidal or nothing. */
    private double positionEmbedding(int t, int c) {
        return switch (config.positions()) {
            case LEARNED -> p[off("transformer.wpe.weight") + t * d + c];
            // PE(t, 2i) = sin(t / 10000^(2i/d)), PE(t, 2i+1) = cos(t / 10000^(2i/d))
            case SINUSOIDAL -> {
                int i = c / 2;
                double angle = t / Math.pow(10000, 2.0 * i / d);
                yield c % 2 == 0 ? Math.sin(angle) : Math.cos(angle);
            }
            case ROTARY, NONE -> 0;
        };
    }

    /** The last block's output; each block's MLP output goes into {@code seen}. */
    private double[][] residualStream(int[] tokens, Map<Integer, double[][]> mlpOut, Map<Integer, double[][]> seen) {
        int time = tokens.length;
        double[][] x = new double[time][d];
        int tok = off("transformer.wte.weight");
        for (int t = 0; t < time; t++) {
            for (int c = 0; c < d; c++) {
                x[t][c] = p[tok + tokens[t] * d + c] + positionEmbedding(t, c);
            }
        }
        for (int layer = 0; layer < config.layers(); layer++) {
            String h = "transformer.h." + (config.variant() == Variant.RECURRENT ? 0 : layer) + ".";
            double[][] x1 = afterAttention(x, h);
            double[][] fed = mlpOut.containsKey(layer) ? mlpOut.get(layer)
                    : config.hasMlp(layer) ? feedForward(x1, h) : new double[time][d];
            seen.put(layer, fed);
            x = new double[time][d];
            for (int t = 0; t < time; t++) {
                for (int c = 0; c < d; c++) {
                    x[t][c] = x1[t][c] + fed[t][c];
                }
            }
        }
        return x;
    }

    /**
     * Rotary positions on one head's vector at position t (RoFormer, "rotate half"): dimension
     * pairs (j, j + m), m = ⌊head size / 2⌋, turned by the angle t · 10000^(−2j/(2m)).
     */
    private double[] rotate(double[] head, int t) {
        if (config.positions() != Positions.ROTARY) {
            return head;
        }
        int m = head.length / 2;
        double[] out = head.clone();
        for (int j = 0; j < m; j++) {
            double angle = t * Math.pow(10000, -2.0 * j / (2.0 * m));
            out[j] = head[j] * Math.cos(angle) - head[j + m] * Math.sin(angle);
            out[j + m] = head[j + m] * Math.cos(angle) + head[j] * Math.sin(angle);
        }
        return out;
    }

    /** x1 = x + SA(N1(x)), attention heads · head size wide. */
    private double[][] afterAttention(double[][] x, String h) {
        int time = x.length;
        int width = heads * hs;
        double[][][] q = new double[time][heads][];
        double[][][] k = new double[time][heads][];
        double[][][] v = new double[time][heads][];
        for (int t = 0; t < time; t++) {
            double[] qkv = linear(norm(x[t], h + "ln_1"), off(h + "attn.c_attn.weight"), off(h + "attn.c_attn.bias"),
                    3 * width, d);
            for (int head = 0; head < heads; head++) {
                q[t][head] = rotate(java.util.Arrays.copyOfRange(qkv, head * hs, (head + 1) * hs), t);
                k[t][head] = rotate(java.util.Arrays.copyOfRange(qkv, width + head * hs, width + (head + 1) * hs), t);
                v[t][head] = java.util.Arrays.copyOfRange(qkv, 2 * width + head * hs, 2 * width + (head + 1) * hs);
            }
        }
        double[][] x1 = new double[time][];
        for (int t = 0; t < time; t++) {
            double[] y = new double[width];
            for (int head = 0; head < heads; head++) {
                double[] scores = new double[t + 1];
                double max = Double.NEGATIVE_INFINITY;
                for (int s = 0; s <= t; s++) {
                    double dot = 0;
                    for (int c = 0; c < hs; c++) {
                        dot += q[t][head][c] * k[s][head][c];
                    }
                    scores[s] = dot / Math.sqrt(hs);
                    max = Math.max(max, scores[s]);
                }
                double sum = 0;
                for (int s = 0; s <= t; s++) {
                    scores[s] = Math.exp(scores[s] - max);
                    sum += scores[s];
                }
                for (int s = 0; s <= t; s++) {
                    for (int c = 0; c < hs; c++) {
                        y[head * hs + c] += scores[s] / sum * v[s][head][c];
                    }
                }
            }
            double[] projected = linear(y, off(h + "attn.c_proj.weight"), off(h + "attn.c_proj.bias"), d, width);
            x1[t] = new double[d];
            for (int c = 0; c < d; c++) {
                x1[t][c] = x[t][c] + projected[c];
            }
        }
        return x1;
    }

    /** FFN(N2(x1)): d to mlp_ratio·d, exact GELU, back to d. */
    private double[][] feedForward(double[][] x1, String h) {
        int hidden = config.mlpRatio() * d;
        double[][] out = new double[x1.length][];
        for (int t = 0; t < x1.length; t++) {
            double[] up = linear(norm(x1[t], h + "ln_2"), off(h + "mlp.c_fc.weight"), off(h + "mlp.c_fc.bias"), hidden, d);
            for (int c = 0; c < up.length; c++) {
                up[c] = gelu(up[c]);
            }
            out[t] = linear(up, off(h + "mlp.c_proj.weight"), off(h + "mlp.c_proj.bias"), d, hidden);
        }
        return out;
    }

    /** The configured norm of the tensors named {@code name}.weight (gain) and {@code name}.bias. */
    private double[] norm(double[] x, String name) {
        int gain = off(name + ".weight");
        int bias = off(name + ".bias");
        double[] out = new double[x.length];
        switch (config.norm()) {
            case NONE -> System.arraycopy(x, 0, out, 0, x.length);
            case RMS -> {
                double squares = 0;
                for (double value : x) {
                    squares += value * value;
                }
                double rms = Math.sqrt(squares / x.length + 1e-5);
                for (int c = 0; c < x.length; c++) {
                    out[c] = x[c] / rms * p[gain + c];
                }
            }
            case LAYER -> {
                double mean = 0;
                for (double value : x) {
                    mean += value;
                }
                mean /= x.length;
                double var = 0;
                for (double value : x) {
                    var += (value - mean) * (value - mean);
                }
                var /= x.length;
                for (int c = 0; c < x.length; c++) {
                    out[c] = (x[c] - mean) / Math.sqrt(var + 1e-5) * p[gain + c] + (bias < 0 ? 0 : p[bias + c]);
                }
            }
        }
        return out;
    }

    /** y = W x + b with W stored (out, in) row-major; bias −1 for none. */
    private double[] linear(double[] x, int weight, int bias, int out, int in) {
        double[] y = new double[out];
        for (int o = 0; o < out; o++) {
            double sum = bias < 0 ? 0 : p[bias + o];
            for (int i = 0; i < in; i++) {
                sum += p[weight + o * in + i] * x[i];
            }
            y[o] = sum;
        }
        return y;
    }

    /** Exact GELU, x·Φ(x), with erf from Abramowitz and Stegun 7.1.26 (error below 1.5e-7). */
    static double gelu(double x) {
        return 0.5 * x * (1 + erf(x / Math.sqrt(2)));
    }

    static double erf(double x) {
        double sign = Math.signum(x);
        double a = Math.abs(x);
        double t = 1 / (1 + 0.3275911 * a);
        double y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t
                * Math.exp(-a * a);
        return sign * y;
    }

    /** The tensor's offset in the flat vector, or −1 when the layout has no such tensor. */
    private int off(String name) {
        return layout.tensors().stream().filter(t -> t.name().equals(name)).findFirst().map(t -> (int) t.offset()).orElse(-1);
    }
}
