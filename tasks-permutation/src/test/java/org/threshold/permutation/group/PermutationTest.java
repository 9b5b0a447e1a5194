package org.threshold.permutation.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PermutationTest {

    private static List<Permutation> all(int degree) {
        List<Permutation> out = new ArrayList<>();
        for (int r = 0; r < Permutation.factorial(degree); r++) {
            out.add(Permutation.ofLexicographicRank(degree, r));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void lexicographicRanksListEveryPermutationOnceInIncreasingOneLineOrder(int degree) {
        List<Permutation> perms = all(degree);
        assertThat(perms).doesNotHaveDuplicates();
        for (int r = 0; r < perms.size(); r++) {
            assertThat(perms.get(r).lexicographicRank()).isEqualTo(r);
            if (r > 0) {
                assertThat(Arrays.compare(perms.get(r - 1).images(), perms.get(r).images())).as("rank %d after %d", r, r - 1).isNegative();
            }
        }
        assertThat(perms.get(0).isIdentity()).isTrue();
    }

    @Test
    void theMatrixSendsBasisVectorIToBasisVectorSigmaOfI() {
        Permutation sigma = Permutation.of(2, 0, 3, 1);
        int[][] p = sigma.matrix();
        for (int i = 0; i < 4; i++) {
            int[] e = new int[4];
            e[i] = 1;
            int[] image = new int[4];
            for (int row = 0; row < 4; row++) {
                for (int column = 0; column < 4; column++) {
                    image[row] += p[row][column] * e[column];
                }
            }
            int[] expected = new int[4];
            expected[sigma.apply(i)] = 1;
            assertThat(image).as("P e_%d", i).isEqualTo(expected);
        }
    }

    @Test
    void compositionIsTheMatrixProductForEveryPairOfFourPoints() {
        for (Permutation sigma : all(4)) {
            for (Permutation tau : all(4)) {
                assertThat(sigma.compose(tau).matrix()).isDeepEqualTo(Matrices.multiply(sigma.matrix(), tau.matrix()));
                for (int i = 0; i < 4; i++) {
                    assertThat(sigma.compose(tau).apply(i)).isEqualTo(sigma.apply(tau.apply(i)));
                }
            }
        }
    }

    @Test
    void theInverseUndoesThePermutation() {
        for (Permutation sigma : all(4)) {
            assertThat(sigma.compose(sigma.inverse()).isIdentity()).isTrue();
            assertThat(sigma.inverse().compose(sigma).isIdentity()).isTrue();
        }
    }

    @Test
    void rotationsAreTheCyclicShiftsAndComposeByAddingTheirSteps() {
        for (int a = 0; a < 5; a++) {
            Permutation r = Permutation.rotation(5, a);
            assertThat(r.isRotation()).isTrue();
            assertThat(r.apply(0)).isEqualTo(a);
            for (int b = 0; b < 5; b++) {
                assertThat(r.compose(Permutation.rotation(5, b))).isEqualTo(Permutation.rotation(5, a + b));
            }
        }
        assertThat(Permutation.of(0, 2, 1).isRotation()).isFalse();
    }

    @Test
    void aBlockDiagonalPermutationSplitsBackIntoItsBlocks() {
        Permutation top = Permutation.of(1, 2, 0);
        Permutation bottom = Permutation.of(1, 0);
        Permutation whole = Permutation.blockDiagonal(List.of(top, bottom));
        assertThat(whole).isEqualTo(Permutation.of(1, 2, 0, 4, 3));
        assertThat(whole.block(0, 3)).isEqualTo(top);
        assertThat(whole.block(3, 2)).isEqualTo(bottom);
        assertThatThrownBy(() -> Permutation.of(3, 1, 2, 0).block(0, 2)).hasMessageContaining("not block diagonal");
    }

    @Test
    void imagesThatAreNotAPermutationAreRefused() {
        assertThatThrownBy(() -> Permutation.of(0, 0, 1)).hasMessageContaining("not a permutation");
        assertThatThrownBy(() -> Permutation.of(0, 3)).hasMessageContaining("not a permutation");
        assertThatThrownBy(() -> Permutation.ofLexicographicRank(3, 6)).hasMessageContaining("outside 0..5");
        assertThatThrownBy(() -> Permutation.factorial(13)).hasMessageContaining("13 points");
    }
}
