package org.threshold.permutation.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BlockDiagonalGroupTest {

    static Stream<Arguments> groups() {
        return Stream.of(
                Arguments.of(List.of(3, 3)), Arguments.of(List.of(2, 2)), Arguments.of(List.of(3)),
                Arguments.of(List.of(2, 3)), Arguments.of(List.of(4)), Arguments.of(List.of(2, 2, 2)));
    }

    /** Every permutation of the group's points that keeps each block's points within the block, found by brute force. */
    private static Set<Permutation> blockDiagonalPermutations(List<Integer> blocks) {
        int degree = blocks.stream().mapToInt(Integer::intValue).sum();
        int[] blockOf = new int[degree];
        int at = 0;
        for (int b = 0; b < blocks.size(); b++) {
            for (int i = 0; i < blocks.get(b); i++) {
                blockOf[at++] = b;
            }
        }
        Set<Permutation> out = new HashSet<>();
        for (int r = 0; r < Permutation.factorial(degree); r++) {
            Permutation p = Permutation.ofLexicographicRank(degree, r);
            boolean keeps = true;
            for (int i = 0; i < degree; i++) {
                keeps &= blockOf[p.apply(i)] == blockOf[i];
            }
            if (keeps) {
                out.add(p);
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("groups")
    void theElementsAreExactlyTheBlockDiagonalPermutations(List<Integer> blocks) {
        BlockDiagonalGroup group = BlockDiagonalGroup.of(blocks, Subgroup.SYMMETRIC);
        Set<Permutation> expected = blockDiagonalPermutations(blocks);

        Set<Permutation> elements = new HashSet<>();
        for (int e = 0; e < group.order(); e++) {
            elements.add(group.permutation(e));
        }

        assertThat(group.order()).isEqualTo(expected.size());
        assertThat(elements).isEqualTo(expected);
    }

    @Test
    void thePapersGroupHas36ElementsOfSixPoints() {
        BlockDiagonalGroup paper = BlockDiagonalGroup.symmetric(3, 3);
        assertThat(paper.order()).isEqualTo(36);
        assertThat(paper.degree()).isEqualTo(6);
        assertThat(paper.name()).isEqualTo("S3×S3");
        assertThat(BlockDiagonalGroup.symmetric(2, 2).order()).isEqualTo(4);
        assertThat(BlockDiagonalGroup.symmetric(3).order()).isEqualTo(6);
        assertThat(BlockDiagonalGroup.symmetric(2, 3).order()).isEqualTo(12);
        assertThat(BlockDiagonalGroup.symmetric(4).order()).isEqualTo(24);
    }

    @ParameterizedTest
    @MethodSource("groups")
    void indexingRoundTripsThroughPermutationsAndBlockRanks(List<Integer> blocks) {
        BlockDiagonalGroup group = BlockDiagonalGroup.of(blocks, Subgroup.SYMMETRIC);
        for (int e = 0; e < group.order(); e++) {
            assertThat(group.indexOf(group.permutation(e))).isEqualTo(e);
            int[] ranks = new int[group.blockCount()];
            int expected = 0;
            for (int b = 0; b < group.blockCount(); b++) {
                ranks[b] = group.rank(e, b);
                expected = expected * group.blockOrder(b) + ranks[b];
            }
            assertThat(group.element(ranks)).isEqualTo(e);
            assertThat(expected).as("index = Σ rank_i · Π_{j>i} |G_j|").isEqualTo(e);
        }
        assertThat(group.permutation(group.identity()).isIdentity()).isTrue();
    }

    @Test
    void aSymmetricBlockRanksItsPermutationsLexicographically() {
        BlockDiagonalGroup s3 = BlockDiagonalGroup.symmetric(3);
        List<String> inOrder = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
            inOrder.add(s3.blockPermutation(0, r).toString());
        }
        // The order the README documents.
        assertThat(inOrder).containsExactly("[0 1 2]", "[0 2 1]", "[1 0 2]", "[1 2 0]", "[2 0 1]", "[2 1 0]");
        BlockDiagonalGroup paper = BlockDiagonalGroup.symmetric(3, 3);
        assertThat(paper.permutation(6 * 3 + 5)).isEqualTo(Permutation.of(1, 2, 0, 5, 4, 3));
    }

    @ParameterizedTest
    @MethodSource("groups")
    void theProductIsTheMatrixProductForEveryPair(List<Integer> blocks) {
        BlockDiagonalGroup group = BlockDiagonalGroup.of(blocks, Subgroup.SYMMETRIC);
        for (int a = 0; a < group.order(); a++) {
            int[][] pa = group.permutation(a).matrix();
            for (int b = 0; b < group.order(); b++) {
                int[][] product = Matrices.multiply(pa, group.permutation(b).matrix());
                assertThat(group.permutation(group.product(a, b)).matrix()).as("P_%d · P_%d", a, b).isDeepEqualTo(product);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("groups")
    void theProductIsAssociativeWithIdentityZeroAndInverses(List<Integer> blocks) {
        BlockDiagonalGroup group = BlockDiagonalGroup.of(blocks, Subgroup.SYMMETRIC);
        int n = group.order();
        for (int a = 0; a < n; a++) {
            assertThat(group.product(0, a)).isEqualTo(a);
            assertThat(group.product(a, 0)).isEqualTo(a);
            int inverse = group.inverse(a);
            assertThat(group.product(a, inverse)).isZero();
            assertThat(group.product(inverse, a)).isZero();
            for (int b = 0; b < n; b++) {
                int ab = group.product(a, b);
                for (int c = 0; c < n; c++) {
                    assertThat(group.product(ab, c)).isEqualTo(group.product(a, group.product(b, c)));
                }
            }
        }
    }

    @Test
    void theCyclicSubgroupOfOneBlockIsTheRotationsIndexedByTheirStep() {
        for (int n = 2; n <= 12; n++) {
            BlockDiagonalGroup zn = BlockDiagonalGroup.cyclic(n);
            assertThat(zn.order()).isEqualTo(n);
            for (int k = 0; k < n; k++) {
                assertThat(zn.permutation(k)).isEqualTo(Permutation.rotation(n, k));
                assertThat(zn.indexOf(Permutation.rotation(n, k))).isEqualTo(k);
            }
        }
        assertThat(BlockDiagonalGroup.cyclic(3, 4).order()).isEqualTo(12);
        assertThat(BlockDiagonalGroup.cyclic(3, 4).name()).isEqualTo("Z3×Z4");
        assertThatThrownBy(() -> BlockDiagonalGroup.cyclic(3).indexOf(Permutation.of(0, 2, 1))).hasMessageContaining("not a rotation");
    }

    @Test
    void aPermutationThatIsNotBlockDiagonalHasNoIndex() {
        BlockDiagonalGroup paper = BlockDiagonalGroup.symmetric(3, 3);
        assertThatThrownBy(() -> paper.indexOf(Permutation.of(3, 1, 2, 0, 4, 5))).hasMessageContaining("not block diagonal");
        assertThatThrownBy(() -> paper.indexOf(Permutation.of(1, 0))).hasMessageContaining("move 6");
    }

    @Test
    void blocksThatMakeNoGroupOrTooManyTokensAreRefusedWithTheReason() {
        assertThatThrownBy(() -> BlockDiagonalGroup.symmetric()).hasMessageContaining("at least one block");
        assertThatThrownBy(() -> BlockDiagonalGroup.symmetric(3, 1)).hasMessageContaining("at least 2 points");
        assertThatThrownBy(() -> BlockDiagonalGroup.symmetric(7)).hasMessageContaining("5,040 elements (S7)")
                .hasMessageContaining("at most 4096");
        assertThatThrownBy(() -> BlockDiagonalGroup.symmetric(40)).hasMessageContaining("far more than 4096");
        assertThat(BlockDiagonalGroup.symmetric(6, 2, 2).order()).isEqualTo(2880);
        assertThat(BlockDiagonalGroup.cyclic(4096).order()).isEqualTo(4096);
    }
}
