package org.threshold.listops.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.threshold.listops.arithmetic.Arithmetic;
import org.threshold.listops.expression.ChainOfThought;
import org.threshold.listops.expression.Mixing;
import org.threshold.listops.expression.OperatorMixture;
import org.threshold.listops.expression.RandomExpressions;
import org.threshold.listops.expression.TreeShape;

class ExpressionDataTest {

    private final Arithmetic mod10 = Arithmetic.of(10, 1);

    private ExpressionSpec spec(Arithmetic family, TreeShape shape, int context, int train, int test, int eval, int excluded,
            TestEquations how, String... ops) {
        return new ExpressionSpec(family.notation(), OperatorMixture.equal(List.of(ops).stream().map(family::get).toList(), Mixing.WITHIN),
                shape, true, context, train, test, eval, excluded, how);
    }

    @Test
    void aTrainingSetTheSplitCannotFillIsAnErrorAtTrainSize() {
        Arithmetic mod2 = Arithmetic.of(2, 1);
        ExpressionSpec spec = spec(mod2, new TreeShape(1, 2, 3, 0), 128, 1_000, 2, 1, 1, TestEquations.AUTO, "SUM");
        assertThatThrownBy(() -> ExpressionData.generate(spec, 1))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("training set needs 1,000")
                .hasMessageContaining("100,000 draws")
                .satisfies(e -> assertThat(((GenerationException) e).key()).isEqualTo("train_size"));
    }

    @Test
    void aTestSetTheSplitCannotFillIsAnErrorAtTestSize() {
        // 1 excluded triplet of 1,000 and sampling: about 1 equation in 2,300 qualifies
        ExpressionSpec spec = spec(mod10, TreeShape.PAPER, 128, 100, 50, 10, 1, TestEquations.SAMPLED, "SUM");
        assertThatThrownBy(() -> ExpressionData.generate(spec, 1))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("test set needs 50 distinct equations holding an excluded triplet")
                .hasMessageContaining("test_equations: planted")
                .satisfies(e -> assertThat(((GenerationException) e).key()).isEqualTo("test_size"));
    }

    @Test
    void moreThanOnePercentLongerThanTheContextIsAnErrorAtContext() {
        ExpressionSpec spec = spec(mod10, new TreeShape(3, 2, 3, 0.5), 40, 500, 50, 10, 100, TestEquations.AUTO, "MAX", "SUM");
        assertThatThrownBy(() -> ExpressionData.generate(spec, 1))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("longer than the context of 40 tokens")
                .hasMessageContaining("raise context")
                .satisfies(e -> assertThat(((GenerationException) e).key()).isEqualTo("context"));
    }

    @Test
    void aFewLongDrawsAreRejectedAndCounted() {
        // the longest equation of this shape has 63 tokens; at context 40 only a few of the longest are cut
        ExpressionSpec spec = spec(mod10, new TreeShape(2, 2, 3, 0.1), 40, 2_000, 200, 100, 100, TestEquations.AUTO, "MAX", "SUM");
        ExpressionData d = ExpressionData.generate(spec, 3);
        assertThat(d.rejected()).isPositive();
        assertThat(d.rejected()).isLessThanOrEqualTo(d.drawn() / 100);
        assertThat(d.allTraining()).allMatch(e -> e.length() <= 40);
    }

    @Test
    void theTestSetsDoNotDependOnTheTrainingSize() {
        ExpressionSpec small = spec(mod10, TreeShape.PAPER, 128, 1_000, 200, 100, 100, TestEquations.AUTO, "MAX", "MED", "SUM");
        ExpressionSpec large = spec(mod10, TreeShape.PAPER, 128, 5_000, 200, 100, 100, TestEquations.AUTO, "MAX", "MED", "SUM");
        ExpressionData a = ExpressionData.generate(small, 4);
        ExpressionData b = ExpressionData.generate(large, 4);
        assertThat(a.test()).isEqualTo(b.test());
        assertThat(a.operatorTests()).isEqualTo(b.operatorTests());
        assertThat(b.allTraining().subList(0, 1_000)).isEqualTo(a.allTraining());
    }

    @Test
    void aPerOperatorTestSetIsTheSameInEveryMixtureWithThatOperator() {
        ExpressionData mixed = ExpressionData.generate(spec(mod10, TreeShape.PAPER, 128, 1_000, 200, 100, 100, TestEquations.AUTO,
                "MAX", "MED", "SUM"), 5);
        ExpressionData alone = ExpressionData.generate(spec(mod10, TreeShape.PAPER, 128, 1_000, 200, 100, 100, TestEquations.AUTO,
                "SUM"), 5);
        assertThat(mixed.operatorTests().get(2).name()).isEqualTo("SUM");
        assertThat(mixed.operatorTests().get(2)).isEqualTo(alone.operatorTests().get(0));
        assertThat(mixed.excluded().triplets()).isEqualTo(alone.excluded().triplets());
    }

    @Test
    void autoSamplesTheModTenTestSetAndPlantsForLargeModuli() {
        assertThat(spec(mod10, TreeShape.PAPER, 128, 10, 10, 10, 100, TestEquations.AUTO, "SUM").resolvedTestEquations())
                .isEqualTo(TestEquations.SAMPLED);
        assertThat(spec(Arithmetic.of(12, 1), TreeShape.PAPER, 128, 10, 10, 10, 100, TestEquations.AUTO, "SUM").resolvedTestEquations())
                .isEqualTo(TestEquations.SAMPLED);
        assertThat(spec(Arithmetic.of(13, 1), TreeShape.PAPER, 128, 10, 10, 10, 100, TestEquations.AUTO, "SUM").resolvedTestEquations())
                .isEqualTo(TestEquations.PLANTED);
        Arithmetic mod26 = Arithmetic.of(26, 1);
        assertThat(spec(mod26, TreeShape.PAPER, 128, 10, 10, 10, 100, TestEquations.AUTO, "SUM").resolvedTestEquations())
                .isEqualTo(TestEquations.PLANTED);
        assertThat(spec(mod26, TreeShape.PAPER, 128, 10, 10, 10, 100, TestEquations.SAMPLED, "SUM").resolvedTestEquations())
                .isEqualTo(TestEquations.SAMPLED);
    }

    @Test
    void theExpectedQualifyingFractionMatchesTheDraws() {
        int n = 10;
        ExcludedTriplets excluded = ExcludedTriplets.choose(n, 100, 2);
        RandomExpressions trees = new RandomExpressions(mod10.notation(), OperatorMixture.of(mod10.get("SUM")), TreeShape.PAPER, 8);
        ChainOfThought chain = new ChainOfThought(mod10.notation());
        int[] expression = new int[128];
        int[] out = new int[128];
        boolean[] hit = new boolean[1];
        int qualifying = 0;
        int draws = 40_000;
        for (int i = 0; i < draws; i++) {
            int length = trees.draw(expression, 124);
            hit[0] = false;
            chain.write(expression, length, true, out, (op, operands, v) -> hit[0] |= excluded.containsOperands(operands));
            qualifying += hit[0] ? 1 : 0;
        }
        double expected = TestEquations.expectedQualifyingFraction(TreeShape.PAPER, 100, n);
        // the estimate counts nodes, not equations, and takes operands as uniform: close, a bit high
        assertThat(qualifying / (double) draws).isCloseTo(expected, within(0.15 * expected));
    }

    @Test
    void plantedTestEquationsKeepTheShapeOfRandomTrees() {
        Arithmetic mod97 = Arithmetic.of(97, 1);
        ExpressionData d = ExpressionData.generate(spec(mod97, TreeShape.PAPER, 128, 500, 300, 100, 100, TestEquations.AUTO, "MAX", "SUM"),
                6);
        assertThat(d.testEquations()).isEqualTo(TestEquations.PLANTED);
        // the planted node is a 3-operand node of elements; the tree around it is a random tree of the shape
        long nested = d.test().stream().filter(e -> e.expression().length > 6).count();
        assertThat(nested).isPositive().isLessThan(d.test().size());
    }
}
