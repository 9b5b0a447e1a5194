package org.threshold.analysis.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimilarityMatrixTest {

    @Test
    void cosineOfHandPickedVectors() {
        // cos((1,0),(1,1)) = 1/√2; cos((1,0),(0,2)) = 0; cos((1,1),(0,2)) = 2/(√2·2) = 1/√2.
        SimilarityMatrix m = SimilarityMatrix.cosine(new double[][] {{1, 0}, {1, 1}, {0, 2}});

        assertThat(m.get(0, 1)).isCloseTo(Math.sqrt(0.5), within(1e-15));
        assertThat(m.get(0, 2)).isZero();
        assertThat(m.get(2, 1)).isCloseTo(Math.sqrt(0.5), within(1e-15));
        assertThat(m.get(1, 1)).isEqualTo(1.0);
    }

    @Test
    void cyclicEmbeddingsGiveACirculantMatrix() {
        // cos(e_i, e_j) = cos(2π(i − j)/n) depends on i − j only.
        int n = 10;
        SimilarityMatrix m = SimilarityMatrix.cosine(Embeddings.cyclic(n, 8, 1));

        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(m.get(i, j)).isCloseTo(m.get((i + 1) % n, (j + 1) % n), within(1e-12));
                assertThat(m.get(i, j)).isCloseTo(Math.cos(2 * Math.PI * (i - j) / n), within(1e-12));
            }
        }
    }

    @Test
    void averageIsTheEntryWiseMean() {
        SimilarityMatrix a = SimilarityMatrix.cosine(new double[][] {{1, 0}, {0, 1}});
        SimilarityMatrix b = SimilarityMatrix.cosine(new double[][] {{1, 0}, {1, 0}});

        SimilarityMatrix mean = SimilarityMatrix.average(List.of(a, b));

        assertThat(mean.toArray()).isEqualTo(new double[][] {{1, 0.5}, {0.5, 1}});
    }

    @Test
    void badInputIsRejectedWithTheElementNamed() {
        assertThatThrownBy(() -> SimilarityMatrix.cosine(new double[][] {{1, 0}, {0, 0}})).hasMessageContaining("element 1 is the zero vector");
        assertThatThrownBy(() -> SimilarityMatrix.average(List.of())).hasMessageContaining("empty group");
        SimilarityMatrix two = SimilarityMatrix.cosine(new double[][] {{1}, {2}});
        SimilarityMatrix three = SimilarityMatrix.cosine(new double[][] {{1}, {2}, {3}});
        assertThatThrownBy(() -> SimilarityMatrix.average(List.of(two, three))).hasMessageContaining("model 1 of the group has 3 elements");
    }
}
