package org.threshold.analysis.embedding;

import java.util.SplittableRandom;

/** Synthetic element embeddings with known structure, for tests. */
final class Embeddings {

    private Embeddings() {
    }

    /** e_k = (cos 2πk/n, sin 2πk/n), placed in {@code width} dimensions by a random orthonormal pair. */
    static double[][] cyclic(int n, int width, long seed) {
        double[][] frame = orthonormalPair(width, seed);
        double[][] e = new double[n][width];
        for (int k = 0; k < n; k++) {
            double c = Math.cos(2 * Math.PI * k / n);
            double s = Math.sin(2 * Math.PI * k / n);
            for (int d = 0; d < width; d++) {
                e[k][d] = c * frame[0][d] + s * frame[1][d];
            }
        }
        return e;
    }

    /** Independent standard Gaussian entries. */
    static double[][] random(int n, int width, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] e = new double[n][width];
        for (int k = 0; k < n; k++) {
            for (int d = 0; d < width; d++) {
                e[k][d] = random.nextGaussian();
            }
        }
        return e;
    }

    private static double[][] orthonormalPair(int width, long seed) {
        double[][] v = random(2, width, seed);
        normalise(v[0]);
        double dot = 0;
        for (int d = 0; d < width; d++) {
            dot += v[0][d] * v[1][d];
        }
        for (int d = 0; d < width; d++) {
            v[1][d] -= dot * v[0][d];
        }
        normalise(v[1]);
        return v;
    }

    private static void normalise(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        for (int d = 0; d < v.length; d++) {
            v[d] /= norm;
        }
    }
}
