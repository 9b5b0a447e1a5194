package org.threshold.listops.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.threshold.api.task.EvalSet;
import org.threshold.api.task.Task;
import org.threshold.listops.split.ExcludedTriplets;
import org.threshold.listops.split.ExpressionData;
import org.threshold.listops.split.ExpressionSpec;
import org.threshold.listops.split.HeldOutSplitContract;
import org.threshold.listops.split.TestEquations;
import org.threshold.listops.task.ExpressionTask;

/**
 * The engine with an operator family of its own, as the README shows it: what a plugin author
 * copies to build a task on nested expressions without any ListOps arithmetic.
 */
class EngineReuseTest {

    /** Bitwise XOR of the operands, written {@code ^}. */
    static final class Xor implements Operator {
        @Override
        public String name() {
            return "XOR";
        }

        @Override
        public String symbol() {
            return "^";
        }

        @Override
        public int evaluate(int[] operands) {
            int v = 0;
            for (int x : operands) {
                v ^= x;
            }
            return v;
        }
    }

    private static final Operator XOR = new Xor();
    private static final Notation NOTATION = new Notation(Algebra.ofSize(16), List.of(XOR));

    private static ExpressionSpec spec(int train, int test, int eval) {
        return new ExpressionSpec(NOTATION, OperatorMixture.of(XOR), TreeShape.PAPER, true, 128, train, test, eval,
                ExcludedTriplets.defaultCount(16), TestEquations.AUTO);
    }

    @Test
    void anotherFamilyGetsTheNotationTheChainAndTheTask() {
        assertThat(NOTATION.vocabulary().tokens()).containsExactly("s", "e", "(", ")", "=", ">", "A", "B", "C", "D", "E", "F", "G",
                "H", "I", "J", "K", "L", "M", "N", "O", "P", "^", "<pad>");
        Equation e = new ChainOfThought(NOTATION).equation(NOTATION.parse("(^B(^CD))"), true);
        assertThat(e.text(NOTATION)).isEqualTo("s(^B(^CD))>(^BB)>A=Ae");

        Task task = ExpressionTask.of(ExpressionData.generate(spec(5_000, 500, 200), 1), "XOR on 16 elements");
        assertThat(task.components()).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("XOR"));
        assertThat(task.evalSets()).extracting(EvalSet::name).containsExactly("", "XOR", "train");
        assertThat(task.describe()).isEqualTo("XOR on 16 elements");
    }

    @Nested
    class XorSplit extends HeldOutSplitContract {
        @Override
        protected ExpressionSpec createSpec() {
            return spec(2_000, 200, 100);
        }

        @Override
        protected List<Long> seeds() {
            return List.of(1L, 2L, 3L);
        }
    }
}
