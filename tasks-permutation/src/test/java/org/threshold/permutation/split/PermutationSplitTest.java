package org.threshold.permutation.split;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.threshold.listops.expression.Mixing;
import org.threshold.listops.expression.OperatorMixture;
import org.threshold.listops.expression.TreeShape;
import org.threshold.listops.split.ExcludedTriplets;
import org.threshold.listops.split.ExpressionSpec;
import org.threshold.listops.split.HeldOutSplitContract;
import org.threshold.listops.split.TestEquations;
import org.threshold.permutation.group.BlockDiagonalGroup;
import org.threshold.permutation.operators.PermutationFamily;

/**
 * The split properties of SPEC section 2 for the permutation groups: the ListOps contract
 * ({@link HeldOutSplitContract}, from tasks-listops' test-jar), run over this family's specs.
 */
class PermutationSplitTest {

    private static ExpressionSpec spec(BlockDiagonalGroup group, Mixing mixing, boolean cot, TestEquations test, int excluded,
            String... operators) {
        PermutationFamily family = PermutationFamily.of(group);
        OperatorMixture mixture = OperatorMixture.equal(List.of(operators).stream().map(family::get).toList(), mixing);
        return new ExpressionSpec(family.notation(), mixture, TreeShape.PAPER, cot, 128, 3_000, 300, 100, excluded, test);
    }

    @Nested
    class PapersGroupAllThreeOperatorsWithin extends HeldOutSplitContract {
        @Override
        protected ExpressionSpec createSpec() {
            return spec(BlockDiagonalGroup.symmetric(3, 3), Mixing.WITHIN, true, TestEquations.AUTO, ExcludedTriplets.defaultCount(36),
                    "OP", "OP_TOP", "OP_BOTTOM");
        }
    }

    @Nested
    class PapersGroupPerExpressionWithoutChainSampled extends HeldOutSplitContract {
        @Override
        protected ExpressionSpec createSpec() {
            // 2,000 of 46,656 triplets held out, so that sampling fills the test sets
            return spec(BlockDiagonalGroup.symmetric(3, 3), Mixing.PER_EXPRESSION, false, TestEquations.SAMPLED, 2_000,
                    "OP", "OP_TOP", "OP_BOTTOM");
        }
    }

    @Nested
    class TwoAndThreePointBlocksOpAndOpBottomPlanted extends HeldOutSplitContract {
        @Override
        protected ExpressionSpec createSpec() {
            return spec(BlockDiagonalGroup.symmetric(2, 3), Mixing.WITHIN, true, TestEquations.PLANTED, ExcludedTriplets.defaultCount(12),
                    "OP", "OP_BOTTOM");
        }

        @Override
        protected List<Long> seeds() {
            return List.of(1L, 2L, 3L, 4L);
        }
    }

    @Nested
    class CyclicGroupOfTen extends HeldOutSplitContract {
        @Override
        protected ExpressionSpec createSpec() {
            return spec(BlockDiagonalGroup.cyclic(10), Mixing.WITHIN, true, TestEquations.AUTO, ExcludedTriplets.defaultCount(10), "OP");
        }

        @Override
        protected List<Long> seeds() {
            return List.of(1L, 2L, 3L, 4L);
        }
    }
}
