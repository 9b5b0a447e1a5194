package org.threshold.listops.split;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.threshold.listops.arithmetic.Arithmetic;
import org.threshold.listops.expression.Mixing;
import org.threshold.listops.expression.OperatorMixture;
import org.threshold.listops.expression.TreeShape;

/** The split contract for ListOps mixtures, moduli and equation forms. */
class ListOpsSplitTest {

    private static ExpressionSpec spec(int n, Mixing mixing, boolean cot, TestEquations test, String... operators) {
        Arithmetic family = Arithmetic.of(n, 1);
        OperatorMixture mixture = OperatorMixture.equal(List.of(operators).stream().map(family::get).toList(), mixing);
        return new ExpressionSpec(family.notation(), mixture, TreeShape.PAPER, cot, 128, 3_000, 300, 100,
                ExcludedTriplets.defaultCount(n), test);
    }

    @Nested
    class MaxMedSumModTenWithin extends HeldOutSplitContract {
        @Override
        protected ExpressionSpec createSpec() {
            return ListOpsSplitTest.spec(10, Mixing.WITHIN, true, TestEquations.AUTO, "MAX", "MED", "SUM");
        }
    }

    @Nested
    class MaxMedSumModTenPerExpressionWithoutChain extends HeldOutSplitContract {
        @Override
        protected ExpressionSpec createSpec() {
            return ListOpsSplitTest.spec(10, Mixing.PER_EXPRESSION, false, TestEquations.AUTO, "MAX", "MED", "SUM");
        }
    }

    @Nested
    class SumModTwentySixPlanted extends HeldOutSplitContract {
        @Override
        protected ExpressionSpec createSpec() {
            return ListOpsSplitTest.spec(26, Mixing.WITHIN, true, TestEquations.AUTO, "SUM");
        }
    }

    @Nested
    class EveryOperatorMod226Planted extends HeldOutSplitContract {
        @Override
        protected ExpressionSpec createSpec() {
            return ListOpsSplitTest.spec(226, Mixing.WITHIN, true, TestEquations.PLANTED, Arithmetic.NAMES.toArray(String[]::new));
        }

        @Override
        protected List<Long> seeds() {
            return List.of(1L, 2L, 3L);
        }
    }

    @Nested
    class DeeperWiderTreesModTwentySampled extends HeldOutSplitContract {
        @Override
        protected ExpressionSpec createSpec() {
            Arithmetic family = Arithmetic.of(20, 1);
            return new ExpressionSpec(family.notation(), OperatorMixture.equal(List.of(family.get("MAX"), family.get("NADD"),
                    family.get("SSUM")), Mixing.WITHIN), new TreeShape(3, 2, 4, 0.3), true, 256, 2_000, 200, 100, 800,
                    TestEquations.SAMPLED);
        }

        @Override
        protected List<Long> seeds() {
            return List.of(1L, 2L, 3L, 4L);
        }
    }
}
