package org.threshold.analysis.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EmbeddingPcaTest {

    @Test
    void cyclicEmbeddingsGiveTheCosineAndSinePairAsTopComponents() {
        // C = U Uᵀ with U's columns c_k = cos(2πk/n) and s_k = sin(2πk/n), which are orthogonal with
        // squared norm n/2: eigenvalues n/2, n/2 and 0 (n − 2 times), and PC1, PC2 span {c, s}.
        int n = 10;
        EmbeddingPca pca = EmbeddingPca.of(SimilarityMatrix.cosine(Embeddings.cyclic(n, 8, 3)));

        assertThat(pca.eigenvalue(1)).isCloseTo(5.0, within(1e-9));
        assertThat(pca.eigenvalue(2)).isCloseTo(5.0, within(1e-9));
        assertThat(pca.eigenvalue(3)).isCloseTo(0.0, within(1e-9));
        assertThat(pca.explainedFraction(1) + pca.explainedFraction(2)).isCloseTo(1.0, within(1e-9));
        double[] c = new double[n];
        double[] s = new double[n];
        for (int k = 0; k < n; k++) {
            c[k] = Math.cos(2 * Math.PI * k / n);
            s[k] = Math.sin(2 * Math.PI * k / n);
        }
        double[] pc1 = pca.component(1);
        double[] pc2 = pca.component(2);
        for (double[] v : new double[][] {c, s}) {
            // |projection of v onto span{PC1, PC2}|² = |v|² = n/2.
            double p1 = dot(v, pc1);
            double p2 = dot(v, pc2);
            assertThat(p1 * p1 + p2 * p2).isCloseTo(n / 2.0, within(1e-9));
        }
    }

    @Test
    void componentsAreUnitVectorsWithADeterministicSign() {
        EmbeddingPca pca = EmbeddingPca.of(SimilarityMatrix.cosine(Embeddings.random(12, 6, 5)));

        for (int pc = 1; pc <= 4; pc++) {
            double[] v = pca.component(pc);
            assertThat(dot(v, v)).isCloseTo(1.0, within(1e-12));
            double first = Arrays.stream(v).filter(x -> Math.abs(x) > 1e-6).findFirst().orElseThrow();
            assertThat(first).isPositive();
        }
        assertThat(pca.eigenvalue(1)).isGreaterThanOrEqualTo(pca.eigenvalue(2));
    }

    @Test
    void aParityCodedDimensionGivesFullParitySeparation() {
        // e_k = (±3 by parity, small noise): the parity sign dominates every cosine, so the top
        // component is ± the parity pattern.
        double[][] e = Embeddings.random(10, 5, 7);
        for (int k = 0; k < e.length; k++) {
            for (int d = 1; d < 5; d++) {
                e[k][d] *= 0.3;
            }
            e[k][0] = k % 2 == 0 ? 3 : -3;
        }

        ParitySeparation parity = EmbeddingPca.of(SimilarityMatrix.cosine(e)).parity(4);

        assertThat(parity.singleComponentAccuracy()).isEqualTo(1.0);
        assertThat(parity.bestComponent()).isEqualTo(1);
        assertThat(parity.pairAccuracy()).isEqualTo(1.0);
        assertThat(parity.majorityRate()).isEqualTo(0.5);
        assertThat(parity.shuffledSingleComponentAccuracy()).isLessThan(0.9);
    }

    @Test
    void randomEmbeddingsGiveNoParitySeparationBeyondChance() {
        ParitySeparation parity = EmbeddingPca.of(SimilarityMatrix.cosine(Embeddings.random(60, 16, 11))).parity(4);

        // The true labels are just one more labelling of structureless points: their accuracy is a
        // draw from the shuffled-label distribution, well short of separation.
        assertThat(parity.singleComponentAccuracy()).isLessThan(0.8);
        assertThat(parity.singleComponentAccuracy()).isCloseTo(parity.shuffledSingleComponentAccuracy(), within(0.1));
        assertThat(parity.pairAccuracy()).isCloseTo(parity.shuffledPairAccuracy(), within(0.1));
        assertThat(parity.describe()).startsWith("parity: ").endsWith("chance 50%");
    }

    @Test
    void anEmbeddingLinearInTheElementValueGivesRankCorrelationOne() {
        // e_k = (1, k/n): angles atan(k/n) rise with k within 45°, so a component of the rank-2
        // matrix, R·sin(θ_k − φ) for φ outside that range, is monotone in k: |ρ| = 1.
        int n = 12;
        double[][] e = new double[n][];
        for (int k = 0; k < n; k++) {
            e[k] = new double[] {1, (double) k / n};
        }

        OrderStructure order = EmbeddingPca.of(SimilarityMatrix.cosine(e)).order(3);

        assertThat(order.maxAbsRho()).isCloseTo(1.0, within(1e-12));
        assertThat(order.rho()).hasSize(3);
        assertThat(order.describe()).isEqualTo("order: max |ρ| = 1.00 (PC" + order.bestComponent() + ")");
    }

    @Test
    void cyclicEmbeddingsAreNotOrdered() {
        // cos and sin over a full turn are not monotone in k.
        OrderStructure order = EmbeddingPca.of(SimilarityMatrix.cosine(Embeddings.cyclic(20, 4, 2))).order(2);

        assertThat(order.maxAbsRho()).isLessThan(0.9);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
