package org.threshold.listops.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.threshold.listops.expression.ChainOfThought;
import org.threshold.listops.expression.Equation;
import org.threshold.listops.expression.Expression;
import org.threshold.listops.expression.Mixing;
import org.threshold.listops.expression.Notation;
import org.threshold.listops.expression.Operator;

/**
 * The split of SPEC section 2 as properties that must hold for every seed. Reusable by any
 * operator family built on the engine: extend it, give a spec (keep sizes small, a few thousand
 * equations, so that many seeds stay fast), and every property is checked for {@link #seeds()}.
 *
 * <p>The operand lists are recomputed here from the expression tree, without the chain of
 * thought under test: every node's operands, each evaluated, are the lists the chain sees after
 * substitution.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HeldOutSplitContract {

    private final Map<Long, ExpressionData> generated = new HashMap<>();
    private ExpressionSpec spec;

    /** The spec under test; asked once per test class. */
    protected abstract ExpressionSpec createSpec();

    private ExpressionSpec spec() {
        if (spec == null) {
            spec = createSpec();
        }
        return spec;
    }

    /** The seeds every property is checked for. */
    protected List<Long> seeds() {
        return LongStream.rangeClosed(1, 8).boxed().toList();
    }

    private ExpressionData data(long seed) {
        return generated.computeIfAbsent(seed, s -> ExpressionData.generate(spec(), s));
    }

    /** The expression of an equation: between 's' and the first '>' or '='. */
    private Expression question(Equation e) {
        return spec().notation().parse(e.tokens(), 1, e.promptLength() - 1);
    }

    /** Operand lists of every node, after its sub-expressions are evaluated. */
    private static List<int[]> operandLists(Expression e) {
        List<int[]> out = new ArrayList<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expression e, List<int[]> out) {
        if (e instanceof Expression.Application app) {
            out.add(app.operands().stream().mapToInt(Expression::evaluate).toArray());
            app.operands().forEach(o -> collect(o, out));
        }
    }

    private boolean holdsExcludedTriplet(Equation e, ExcludedTriplets excluded) {
        return operandLists(question(e)).stream().anyMatch(excluded::containsOperands);
    }

    private static Set<String> operators(Expression e) {
        Set<String> out = new HashSet<>();
        if (e instanceof Expression.Application app) {
            out.add(app.operator().name());
            app.operands().forEach(o -> out.addAll(operators(o)));
        }
        return out;
    }

    private static String key(Equation e) {
        return java.util.Arrays.toString(e.tokens());
    }

    @Test
    void noTrainingEquationHoldsAnExcludedTripletInAnyStep() {
        for (long seed : seeds()) {
            ExpressionData d = data(seed);
            for (Equation e : d.allTraining()) {
                assertThat(holdsExcludedTriplet(e, d.excluded())).as("seed %d: %s", seed, e.text(spec().notation())).isFalse();
            }
        }
    }

    @Test
    void everyTestEquationHoldsAnExcludedTriplet() {
        for (long seed : seeds()) {
            ExpressionData d = data(seed);
            List<Equation> tests = new ArrayList<>(d.test());
            d.operatorTests().forEach(t -> tests.addAll(t.equations()));
            for (Equation e : tests) {
                assertThat(holdsExcludedTriplet(e, d.excluded())).as("seed %d: %s", seed, e.text(spec().notation())).isTrue();
            }
        }
    }

    @Test
    void trainAndTestShareNoEquationAndNoSetHoldsADuplicate() {
        for (long seed : seeds()) {
            ExpressionData d = data(seed);
            Set<String> train = new HashSet<>();
            for (Equation e : d.allTraining()) {
                assertThat(train.add(key(e))).as("duplicate training equation, seed %d", seed).isTrue();
            }
            List<List<Equation>> testSets = new ArrayList<>();
            testSets.add(d.test());
            d.operatorTests().forEach(t -> testSets.add(t.equations()));
            for (List<Equation> set : testSets) {
                Set<String> seen = new HashSet<>();
                for (Equation e : set) {
                    assertThat(seen.add(key(e))).as("duplicate test equation, seed %d", seed).isTrue();
                    assertThat(train).as("seed %d", seed).doesNotContain(key(e));
                }
            }
        }
    }

    @Test
    void countsMatchTheSpec() {
        ExpressionSpec spec = spec();
        for (long seed : seeds()) {
            ExpressionData d = data(seed);
            assertThat(d.excluded().size()).isEqualTo(spec.excluded());
            assertThat(d.allTraining()).hasSize(spec.trainSize());
            assertThat(d.test()).hasSize(spec.testSize());
            assertThat(d.operatorTests()).extracting(ExpressionData.TestSet::name)
                    .containsExactlyElementsOf(spec.mixture().operators().stream().map(Operator::name).toList());
            d.operatorTests().forEach(t -> assertThat(t.equations()).hasSize(spec.evalSize()));
            assertThat(d.trainSample()).hasSize(spec.evalSize());
            if (spec.mixture().mixing() == Mixing.WITHIN) {
                assertThat(d.training()).extracting(ExpressionData.ComponentData::name).containsExactly(spec.mixture().name());
            } else {
                assertThat(d.training()).extracting(ExpressionData.ComponentData::name)
                        .containsExactlyElementsOf(spec.mixture().operators().stream().map(Operator::name).toList());
                int k = spec.mixture().operators().size();
                d.training().forEach(c -> assertThat(c.equations().size()).isBetween(spec.trainSize() / k, spec.trainSize() / k + 1));
            }
        }
    }

    @Test
    void perOperatorTestSetsAndPerExpressionComponentsUseOneOperator() {
        for (long seed : seeds()) {
            ExpressionData d = data(seed);
            for (ExpressionData.TestSet t : d.operatorTests()) {
                for (Equation e : t.equations()) {
                    assertThat(operators(question(e))).containsExactly(t.name());
                }
            }
            if (spec().mixture().mixing() == Mixing.PER_EXPRESSION) {
                for (ExpressionData.ComponentData c : d.training()) {
                    c.equations().forEach(e -> assertThat(operators(question(e))).containsExactly(c.name()));
                }
                d.test().forEach(e -> assertThat(operators(question(e))).hasSize(1));
            }
        }
    }

    @Test
    void everyEquationFitsTheContextAndIsTheEquationOfItsExpression() {
        ExpressionSpec spec = spec();
        Notation notation = spec.notation();
        ChainOfThought chain = new ChainOfThought(notation);
        for (long seed : seeds()) {
            ExpressionData d = data(seed);
            List<Equation> all = new ArrayList<>(d.allTraining());
            all.addAll(d.test());
            d.operatorTests().forEach(t -> all.addAll(t.equations()));
            for (Equation e : all) {
                assertThat(e.length()).isLessThanOrEqualTo(spec.context());
                Expression q = question(e);
                assertThat(q.depth()).isBetween(1, spec.shape().depth());
                assertThat(chain.equation(q, spec.chainOfThought())).isEqualTo(e);
                assertThat(e.answer()).isEqualTo(q.evaluate());
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedOtherData() {
        long seed = seeds().get(0);
        ExpressionData again = ExpressionData.generate(spec(), seed);
        ExpressionData first = data(seed);
        assertThat(again.allTraining()).isEqualTo(first.allTraining());
        assertThat(again.test()).isEqualTo(first.test());
        assertThat(again.excluded().triplets()).isEqualTo(first.excluded().triplets());
        ExpressionData other = data(seeds().get(1));
        assertThat(other.allTraining()).isNotEqualTo(first.allTraining());
        assertThat(other.excluded().triplets()).isNotEqualTo(first.excluded().triplets());
    }
}
