package org.threshold.models.gpt;

import java.util.HashMap;
import java.util.Map;

/**
 * A test oracle: the model of SPEC section 5 written out loop by loop in double precision from
 * the flat parameter vector, so the DJL model can be checked against arithmetic a reader can
 * follow line by line (heads, recurrence, masks).
 */
final class NaiveGpt {

    private final ParameterLayout layout;
    private final float[] p;
    private final int d;
    private final int heads;

    NaiveGpt(ParameterLayout layout, float[] parameters) {
        this.layout = layout;
        this.p = parameters;
        this.d = layout.config().d();
        this.heads = layout.config().heads();
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
        double[][] out = new double[time][vocabulary];
        for (int t = 0; t < time; t++) {
            double[] n = norm(x[t], off("lnf.g"), off("lnf.b"));
            out[t] = linear(n, off("head.w"), -1, vocabulary, d);
        }
        return out;
    }

    /** FFN(LN2(x1)) of block application {@code layer}, (time, d). */
    double[][] mlpOut(int[] tokens, int layer) {
        Map<Integer, double[][]> seen = new HashMap<>();
        residualStream(tokens, Map.of(), seen);
        return seen.get(layer);
    }

    /** The last block's output; each block's MLP output goes into {@code seen}. */
    private double[][] residualStream(int[] tokens, Map<Integer, double[][]> mlpOut, Map<Integer, double[][]> seen) {
        int time = tokens.length;
        double[][] x = new double[time][d];
        int tok = off("tok_emb");
        int pos = off("pos_emb");
        for (int t = 0; t < time; t++) {
            for (int c = 0; c < d; c++) {
                x[t][c] = p[tok + tokens[t] * d + c] + p[pos + t * d + c];
            }
        }
        for (int layer = 0; layer < layout.config().layers(); layer++) {
            String h = "h" + (layout.config().variant() == Variant.RECURRENT ? 0 : layer) + ".";
            double[][] x1 = afterAttention(x, h);
            double[][] fed = mlpOut.containsKey(layer) ? mlpOut.get(layer) : feedForward(x1, h);
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

    /** x1 = x + SA(LN1(x)). */
    private double[][] afterAttention(double[][] x, String h) {
        int time = x.length;
        int hs = d / heads;
        double[][] q = new double[time][];
        double[][] k = new double[time][];
        double[][] v = new double[time][];
        for (int t = 0; t < time; t++) {
            double[] qkv = linear(norm(x[t], off(h + "ln1.g"), off(h + "ln1.b")), off(h + "qkv.w"), off(h + "qkv.b"), 3 * d, d);
            q[t] = java.util.Arrays.copyOfRange(qkv, 0, d);
            k[t] = java.util.Arrays.copyOfRange(qkv, d, 2 * d);
            v[t] = java.util.Arrays.copyOfRange(qkv, 2 * d, 3 * d);
        }
        double[][] x1 = new double[time][];
        for (int t = 0; t < time; t++) {
            double[] y = new double[d];
            for (int head = 0; head < heads; head++) {
                double[] scores = new double[t + 1];
                double max = Double.NEGATIVE_INFINITY;
                for (int s = 0; s <= t; s++) {
                    double dot = 0;
                    for (int c = head * hs; c < (head + 1) * hs; c++) {
                        dot += q[t][c] * k[s][c];
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
                    for (int c = head * hs; c < (head + 1) * hs; c++) {
                        y[c] += scores[s] / sum * v[s][c];
                    }
                }
            }
            double[] projected = linear(y, off(h + "proj.w"), off(h + "proj.b"), d, d);
            x1[t] = new double[d];
            for (int c = 0; c < d; c++) {
                x1[t][c] = x[t][c] + projected[c];
            }
        }
        return x1;
    }

    /** FFN(LN2(x1)): d to 4d, exact GELU, back to d. */
    private double[][] feedForward(double[][] x1, String h) {
        double[][] out = new double[x1.length][];
        for (int t = 0; t < x1.length; t++) {
            double[] hidden = linear(norm(x1[t], off(h + "ln2.g"), off(h + "ln2.b")), off(h + "fc.w"), off(h + "fc.b"), 4 * d, d);
            for (int c = 0; c < hidden.length; c++) {
                hidden[c] = gelu(hidden[c]);
            }
            out[t] = linear(hidden, off(h + "fc2.w"), off(h + "fc2.b"), d, 4 * d);
        }
        return out;
    }

    private double[] norm(double[] x, int gain, int bias) {
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
        double[] out = new double[x.length];
        for (int c = 0; c < x.length; c++) {
            out[c] = (x[c] - mean) / Math.sqrt(var + 1e-5) * p[gain + c] + p[bias + c];
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

    private int off(String name) {
        return (int) layout.tensor(name).offset();
    }
}
