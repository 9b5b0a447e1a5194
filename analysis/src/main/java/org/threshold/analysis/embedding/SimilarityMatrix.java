package org.threshold.analysis.embedding;

import java.util.List;

/**
 * The n×n cosine-similarity matrix of a model's element-token embeddings (SPEC section 7, paper
 * section 3 and figure 2): entry (i, j) is cos(e_i, e_j) for the embeddings of elements i and j.
 * Models of different widths give matrices of one size, so a group of models can be averaged.
 */
public final class SimilarityMatrix {

    private final double[][] values;

    private SimilarityMatrix(double[][] values) {
        this.values = values;
    }

    /**
     * @param embeddings one row per element, in element order (row k is the embedding of element k,
     *     element tokens only), all of one width
     */
    public static SimilarityMatrix cosine(double[][] embeddings) {
        int n = embeddings.length;
        if (n < 2) {
            throw new IllegalArgumentException("a similarity matrix needs at least two element embeddings, got " + n);
        }
        int width = embeddings[0].length;
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            if (embeddings[i].length != width) {
                throw new IllegalArgumentException("embedding of element " + i + " has width " + embeddings[i].length
                        + ", element 0 has " + width);
            }
            double sum = 0;
            for (double v : embeddings[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("embedding of element " + i + " has a non-finite value " + v);
                }
                sum += v * v;
            }
            if (sum == 0) {
                throw new IllegalArgumentException("embedding of element " + i + " is the zero vector: its cosine similarity is undefined");
            }
            norms[i] = Math.sqrt(sum);
        }
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            c[i][i] = 1.0;
            for (int j = i + 1; j < n; j++) {
                double dot = 0;
                for (int d = 0; d < width; d++) {
                    dot += embeddings[i][d] * embeddings[j][d];
                }
                double cos = Math.max(-1, Math.min(1, dot / (norms[i] * norms[j])));
                c[i][j] = cos;
                c[j][i] = cos;
            }
        }
        return new SimilarityMatrix(c);
    }

    /** The entry-wise mean of a group's matrices, all of one size (paper section 3). */
    public static SimilarityMatrix average(List<SimilarityMatrix> group) {
        if (group.isEmpty()) {
            throw new IllegalArgumentException("cannot average an empty group of models: choose a filter that selects at least one run");
        }
        int n = group.get(0).size();
        double[][] sum = new double[n][n];
        for (int m = 0; m < group.size(); m++) {
            SimilarityMatrix matrix = group.get(m);
            if (matrix.size() != n) {
                throw new IllegalArgumentException("model " + m + " of the group has " + matrix.size()
                        + " elements, model 0 has " + n + ": average models of one task only");
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    sum[i][j] += matrix.values[i][j];
                }
            }
        }
        for (double[] row : sum) {
            for (int j = 0; j < n; j++) {
                row[j] /= group.size();
            }
        }
        return new SimilarityMatrix(sum);
    }

    /** The number of elements n. */
    public int size() {
        return values.length;
    }

    public double get(int i, int j) {
        return values[i][j];
    }

    /** A copy of the entries. */
    public double[][] toArray() {
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i].clone();
        }
        return copy;
    }
}
