package org.threshold.permutation.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.threshold.listops.arithmetic.ModularSum;
import org.threshold.listops.expression.Notation;
import org.threshold.listops.expression.Operator;
import org.threshold.permutation.group.BlockDiagonalGroup;
import org.threshold.permutation.group.Subgroup;

class PermutationOperatorsTest {

    static Stream<Arguments> groups() {
        return Stream.of(Arguments.of(List.of(3, 3)), Arguments.of(List.of(2, 2)), Arguments.of(List.of(3)),
                Arguments.of(List.of(2, 3)), Arguments.of(List.of(4)), Arguments.of(List.of(2, 3, 2)));
    }

    private static int[][] multiply(int[][] a, int[][] b) {
        int n = a.length;
        int[][] c = new int[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < n; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    /** P_{x0}·P_{x1}·… as an explicit matrix product. */
    private static int[][] matrixProduct(BlockDiagonalGroup group, int[] operands) {
        int[][] m = group.permutation(operands[0]).matrix();
        for (int i = 1; i < operands.length; i++) {
            m = multiply(m, group.permutation(operands[i]).matrix());
        }
        return m;
    }

    /** {@code m} with the rows and columns of one block kept and the identity everywhere else. */
    private static int[][] onlyBlock(BlockDiagonalGroup group, int[][] m, int block) {
        int from = 0;
        for (int b = 0; b < block; b++) {
            from += group.blocks().get(b);
        }
        int to = from + group.blocks().get(block);
        int[][] out = new int[m.length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m.length; j++) {
                boolean inside = i >= from && i < to && j >= from && j < to;
                out[i][j] = inside ? m[i][j] : (i == j ? 1 : 0);
            }
        }
        return out;
    }

    /** Every pair, and random lists of 1 to 5 operands. */
    private static List<int[]> operandLists(BlockDiagonalGroup group) {
        List<int[]> out = new ArrayList<>();
        for (int a = 0; a < group.order(); a++) {
            for (int b = 0; b < group.order(); b++) {
                out.add(new int[] {a, b});
            }
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 300; i++) {
            out.add(random.ints(1 + random.nextInt(5), 0, group.order()).toArray());
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("groups")
    void opIsTheMatrixProductOfItsOperandsLeftToRight(List<Integer> blocks) {
        BlockDiagonalGroup group = BlockDiagonalGroup.of(blocks, Subgroup.SYMMETRIC);
        Operator op = PermutationFamily.of(group).get("OP");
        for (int[] operands : operandLists(group)) {
            assertThat(group.permutation(op.evaluate(operands)).matrix()).isDeepEqualTo(matrixProduct(group, operands));
        }
    }

    @ParameterizedTest
    @MethodSource("groups")
    void opTopMultipliesTheFirstBlockAndLeavesTheOthersIdentity(List<Integer> blocks) {
        BlockDiagonalGroup group = BlockDiagonalGroup.of(blocks, Subgroup.SYMMETRIC);
        Operator top = PermutationFamily.of(group).get("OP_TOP");
        for (int[] operands : operandLists(group)) {
            assertThat(group.permutation(top.evaluate(operands)).matrix())
                    .isDeepEqualTo(onlyBlock(group, matrixProduct(group, operands), 0));
        }
    }

    @ParameterizedTest
    @MethodSource("groups")
    void opBottomMultipliesTheLastBlockAndLeavesTheOthersIdentity(List<Integer> blocks) {
        BlockDiagonalGroup group = BlockDiagonalGroup.of(blocks, Subgroup.SYMMETRIC);
        Operator bottom = PermutationFamily.of(group).get("OP_BOTTOM");
        for (int[] operands : operandLists(group)) {
            assertThat(group.permutation(bottom.evaluate(operands)).matrix())
                    .isDeepEqualTo(onlyBlock(group, matrixProduct(group, operands), group.blockCount() - 1));
        }
    }

    @Test
    void onThePapersGroupOpTopTakesSixValuesAndOpBottomTheFirstSix() {
        BlockDiagonalGroup paper = BlockDiagonalGroup.symmetric(3, 3);
        PermutationFamily family = PermutationFamily.of(paper);
        TreeSet<Integer> top = new TreeSet<>();
        TreeSet<Integer> bottom = new TreeSet<>();
        for (int a = 0; a < 36; a++) {
            for (int b = 0; b < 36; b++) {
                top.add(family.get("OP_TOP").evaluate(new int[] {a, b}));
                bottom.add(family.get("OP_BOTTOM").evaluate(new int[] {a, b}));
            }
        }
        // index = 6·rank(top) + rank(bottom): OP_TOP leaves rank(bottom) = 0, OP_BOTTOM rank(top) = 0.
        assertThat(top).containsExactly(0, 6, 12, 18, 24, 30);
        assertThat(bottom).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void opTopAndOpBottomAreNoGroupOperationsOnTheWholeGroup() {
        BlockDiagonalGroup paper = BlockDiagonalGroup.symmetric(3, 3);
        for (String name : List.of("OP_TOP", "OP_BOTTOM")) {
            Operator op = PermutationFamily.of(paper).get(name);
            for (int e = 0; e < paper.order(); e++) {
                boolean identity = true;
                for (int a = 0; a < paper.order(); a++) {
                    identity &= op.evaluate(new int[] {e, a}) == a && op.evaluate(new int[] {a, e}) == a;
                }
                assertThat(identity).as("%s has no identity element, so %d is none", name, e).isFalse();
            }
        }
    }

    @Test
    void withASingleBlockOpTopAndOpBottomAreOp() {
        BlockDiagonalGroup s4 = BlockDiagonalGroup.symmetric(4);
        PermutationFamily family = PermutationFamily.of(s4);
        for (int a = 0; a < s4.order(); a++) {
            for (int b = 0; b < s4.order(); b++) {
                int[] pair = {a, b};
                int op = family.get("OP").evaluate(pair);
                assertThat(family.get("OP_TOP").evaluate(pair)).isEqualTo(op);
                assertThat(family.get("OP_BOTTOM").evaluate(pair)).isEqualTo(op);
            }
        }
    }

    @Test
    void aSingleCycleBlockRestrictedToRotationsIsSumModN() {
        for (int n = 2; n <= 12; n++) {
            Operator op = PermutationFamily.of(BlockDiagonalGroup.cyclic(n)).get("OP");
            ModularSum sum = new ModularSum(n);
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    assertThat(op.evaluate(new int[] {a, b})).as("mod %d: %d·%d", n, a, b).isEqualTo(sum.evaluate(new int[] {a, b}));
                    for (int c = 0; c < n; c++) {
                        int[] triplet = {a, b, c};
                        assertThat(op.evaluate(triplet)).isEqualTo(sum.evaluate(triplet));
                    }
                }
            }
        }
    }

    @Test
    void theFamilyHasOneVocabularyWithSpecsElementTokensAndAllThreeSymbols() {
        PermutationFamily paper = PermutationFamily.of(BlockDiagonalGroup.symmetric(3, 3));
        assertThat(paper.notation().vocabulary().size()).isEqualTo(6 + 36 + 3 + 1);
        assertThat(paper.token(0)).isEqualTo("0");
        assertThat(paper.token(9)).isEqualTo("9");
        assertThat(paper.token(10)).isEqualTo("A");
        assertThat(paper.token(35)).isEqualTo("Z");
        assertThat(paper.operators()).extracting(Operator::symbol).containsExactly("*", "^", "_");
        assertThat(paper.operators()).extracting(Operator::name).containsExactlyElementsOf(PermutationFamily.NAMES);
        // S4 has 24 elements: SPEC's letters A-Z, A = 0
        assertThat(PermutationFamily.of(BlockDiagonalGroup.symmetric(4)).token(0)).isEqualTo("A");
        assertThat(PermutationFamily.of(BlockDiagonalGroup.symmetric(5)).token(119)).isEqualTo("<119>");
    }

    @ParameterizedTest
    @MethodSource("groups")
    void everyElementRoundTripsThroughItsTokenAndItsPermutation(List<Integer> blocks) {
        BlockDiagonalGroup group = BlockDiagonalGroup.of(blocks, Subgroup.SYMMETRIC);
        PermutationFamily family = PermutationFamily.of(group);
        Notation notation = family.notation();
        for (int e = 0; e < group.order(); e++) {
            int[] ids = notation.vocabulary().parse(family.token(e));
            assertThat(ids).hasSize(1);
            assertThat(notation.isElement(ids[0])).isTrue();
            int back = notation.value(ids[0]);
            assertThat(group.indexOf(group.permutation(back))).isEqualTo(e);
        }
    }
}
