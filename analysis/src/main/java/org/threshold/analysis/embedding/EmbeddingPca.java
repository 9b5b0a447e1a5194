package org.threshold.analysis.embedding;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Principal components of an (averaged) similarity matrix (SPEC section 7, paper figure 2): the
 * eigenvectors of the symmetric n×n matrix, sorted by eigenvalue, largest first. Component c gives
 * one value per element, so it can be plotted against the element value.
 *
 * <p>The matrix is decomposed as it is, without centring, as SPEC section 7 says ("eigen-decompose
 * the average"): for embeddings that share a common direction the first component is then close to
 * constant, and the structure shows in the next ones, which is why parity and order are measured
 * over several top components.
 *
 * <p>Signs: an eigenvector is defined up to sign, so each is flipped to make its first clearly
 * non-zero entry (the lowest element value with |v| &gt; 10⁻⁸·max|v|) positive; plots of the same
 * group then look the same from run to run.
 *
 * <pre>{@code
 * EmbeddingPca pca = EmbeddingPca.of(SimilarityMatrix.average(matrices));
 * ParitySeparation parity = pca.parity(4);   // best odd/even separation on the top 4 PCs
 * OrderStructure order = pca.order(4);       // max |Spearman ρ| of a top PC with the element value
 * }</pre>
 */
public final class EmbeddingPca {

    private final SimilarityMatrix matrix;
    private final double[] eigenvalues;
    private final double[][] components;

    private EmbeddingPca(SimilarityMatrix matrix, double[] eigenvalues, double[][] components) {
        this.matrix = matrix;
        this.eigenvalues = eigenvalues;
        this.components = components;
    }

    public static EmbeddingPca of(SimilarityMatrix matrix) {
        int n = matrix.size();
        EigenDecomposition decomposition = new EigenDecomposition(new Array2DRowRealMatrix(matrix.toArray(), false));
        double[] values = decomposition.getRealEigenvalues();
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        // Largest first; equal eigenvalues keep the decomposition's order, so the result is deterministic.
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -values[i]));
        double[] sortedValues = new double[n];
        double[][] vectors = new double[n][];
        for (int c = 0; c < n; c++) {
            sortedValues[c] = values[order[c]];
            vectors[c] = withFixedSign(decomposition.getEigenvector(order[c]).toArray());
        }
        return new EmbeddingPca(matrix, sortedValues, vectors);
    }

    private static double[] withFixedSign(double[] v) {
        double max = 0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        for (double x : v) {
            if (Math.abs(x) > 1e-8 * max) {
                if (x < 0) {
                    for (int i = 0; i < v.length; i++) {
                        v[i] = -v[i];
                    }
                }
                break;
            }
        }
        return v;
    }

    /** The matrix that was decomposed. */
    public SimilarityMatrix matrix() {
        return matrix;
    }

    /** The number of elements n, which is also the number of components. */
    public int size() {
        return eigenvalues.length;
    }

    /** The eigenvalue of component {@code pc} (1-based: PC1 is the largest). */
    public double eigenvalue(int pc) {
        return eigenvalues[index(pc)];
    }

    /** Component {@code pc} (1-based) as one value per element, in element order; a unit vector. */
    public double[] component(int pc) {
        return components[index(pc)].clone();
    }

    /**
     * The share of component {@code pc} in the sum of the positive eigenvalues (a cosine matrix is
     * positive semi-definite, so the negative ones are rounding noise).
     */
    public double explainedFraction(int pc) {
        double total = Arrays.stream(eigenvalues).filter(v -> v > 0).sum();
        return Math.max(0, eigenvalues[index(pc)]) / total;
    }

    /** Parity separation on the top {@code top} components, with 100 label shuffles as baseline. */
    public ParitySeparation parity(int top) {
        return ParitySeparation.measure(this, top, ParitySeparation.DEFAULT_SHUFFLES, 1L);
    }

    /** Rank correlation of each of the top {@code top} components with the element value. */
    public OrderStructure order(int top) {
        return OrderStructure.measure(this, top);
    }

    int checkTop(int top) {
        if (top < 1 || top > size()) {
            throw new IllegalArgumentException("top must be between 1 and the " + size() + " components, got " + top);
        }
        return top;
    }

    private int index(int pc) {
        if (pc < 1 || pc > size()) {
            throw new IllegalArgumentException("principal components are numbered 1.." + size() + ", got " + pc);
        }
        return pc - 1;
    }
}
