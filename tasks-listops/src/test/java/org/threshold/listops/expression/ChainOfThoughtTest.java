package org.threshold.listops.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.threshold.listops.arithmetic.Arithmetic;

class ChainOfThoughtTest {

    private final Notation mod10 = Arithmetic.of(10, 1).notation();
    private final ChainOfThought chain = new ChainOfThought(mod10);

    private String text(Equation e) {
        return e.text(mod10);
    }

    @Test
    void theAppendixExampleWithAndWithoutTheChain() {
        Expression e = mod10.parse("(%12(%34))");
        assertThat(text(chain.equation(e, true))).isEqualTo("s(%12(%34))>(%127)>0=0e");
        assertThat(text(chain.equation(e, false))).isEqualTo("s(%12(%34))=0e");
    }

    @Test
    void theNotationExampleOfAppendixE1() {
        assertThat(text(chain.equation(mod10.parse("(+3(-749))"), true))).isEqualTo("s(+3(-749))>(+34)>4=4e");
        assertThat(text(chain.equation(mod10.parse("(+3(-749))"), false))).isEqualTo("s(+3(-749))=4e");
    }

    @Test
    void thePromptEndsAtTheFirstStepOrEquals() {
        Equation cot = chain.equation(mod10.parse("(%12(%34))"), true);
        assertThat(mod10.text(cot.prompt())).isEqualTo("s(%12(%34))>");
        assertThat(mod10.text(cot.completion())).isEqualTo("(%127)>0=0e");
        Equation direct = chain.equation(mod10.parse("(%12(%34))"), false);
        assertThat(mod10.text(direct.prompt())).isEqualTo("s(%12(%34))=");
        assertThat(mod10.text(direct.completion())).isEqualTo("0e");
        assertThat(direct.answer()).isZero();
        assertThat(mod10.text(cot.expression())).isEqualTo("(%12(%34))");
    }

    @Test
    void siblingsAreRewrittenFromTheRight() {
        assertThat(text(chain.equation(mod10.parse("(+(-12)5(-34))"), true))).isEqualTo("s(+(-12)5(-34))>(+(-12)53)>(+153)>5=5e");
        assertThat(text(chain.equation(mod10.parse("(%(%1(%23))(%45))"), true)))
                .isEqualTo("s(%(%1(%23))(%45))>(%(%1(%23))9)>(%(%15)9)>(%69)>5=5e");
    }

    @Test
    void everyEvaluatedNodeIsReportedWithItsOperandsAfterSubstitution() {
        List<String> seen = new ArrayList<>();
        int[] expression = mod10.render(mod10.parse("(%12(%34))"));
        int[] out = new int[64];
        ChainOfThought.NodeVisitor visitor = (op, operands, value) ->
                seen.add(mod10.operators().get(op).name() + Arrays.toString(operands) + "=" + value);
        chain.write(expression, expression.length, true, out, visitor);
        assertThat(seen).containsExactly("SUM[3, 4]=7", "SUM[1, 2, 7]=0");
        seen.clear();
        chain.write(expression, expression.length, false, out, visitor);
        assertThat(seen).containsExactly("SUM[3, 4]=7", "SUM[1, 2, 7]=0");
    }

    @Test
    void anEquationLongerThanTheBufferIsRefused() {
        int[] expression = mod10.render(mod10.parse("(%12(%34))"));
        assertThat(chain.write(expression, expression.length, true, new int[22], (o, x, v) -> { })).isEqualTo(-1);
        assertThat(chain.write(expression, expression.length, true, new int[23], (o, x, v) -> { })).isEqualTo(23);
    }

    /**
     * SPEC's rule, written on the tree: the right-most parenthesis that contains no other
     * parenthesis is the last application, in left-to-right order, whose operands are all elements.
     */
    private static Expression referenceStep(Expression e) {
        List<Expression.Application> leaves = new ArrayList<>();
        collectLeafApplications(e, leaves);
        Expression.Application target = leaves.get(leaves.size() - 1);
        return replace(e, target, new Expression.Element(target.evaluate()));
    }

    private static void collectLeafApplications(Expression e, List<Expression.Application> out) {
        if (e instanceof Expression.Application app) {
            if (app.operands().stream().allMatch(o -> o instanceof Expression.Element)) {
                out.add(app);
            }
            app.operands().forEach(o -> collectLeafApplications(o, out));
        }
    }

    private static Expression replace(Expression e, Expression target, Expression by) {
        if (e == target) {
            return by;
        }
        if (e instanceof Expression.Application app) {
            return new Expression.Application(app.operator(), app.operands().stream().map(o -> replace(o, target, by)).toList());
        }
        return e;
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 26, 97})
    void chainOfThoughtRewritesRightMostInnermostFirst(int n) {
        Arithmetic family = Arithmetic.of(n, 2);
        Notation notation = family.notation();
        ChainOfThought cot = new ChainOfThought(notation);
        RandomExpressions trees = new RandomExpressions(notation, OperatorMixture.equal(family.operators(), Mixing.WITHIN),
                new TreeShape(4, 1, 4, 0.5), n);
        for (int i = 0; i < 2_000; i++) {
            Expression tree = trees.next();
            List<int[]> steps = cot.steps(notation.render(tree));
            Expression expected = tree;
            for (int[] step : steps) {
                expected = referenceStep(expected);
                assertThat(notation.text(step)).isEqualTo(notation.text(expected));
            }
            assertThat(expected).isInstanceOf(Expression.Element.class);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 26, 226})
    void everyChainEndsWithEqualsAnswerEAndEveryStepHasTheSameValue(int n) {
        Arithmetic family = Arithmetic.of(n, 2);
        Notation notation = family.notation();
        ChainOfThought cot = new ChainOfThought(notation);
        RandomExpressions trees = new RandomExpressions(notation, OperatorMixture.equal(family.operators(), Mixing.WITHIN),
                new TreeShape(3, 2, 3, 0.4), 7 * n);
        for (int i = 0; i < 2_000; i++) {
            Expression tree = trees.next();
            int answer = tree.evaluate();
            Equation eq = cot.equation(tree, true);
            int[] t = eq.tokens();
            assertThat(Arrays.copyOfRange(t, t.length - 3, t.length))
                    .containsExactly(Notation.EQUALS, notation.elementToken(answer), Notation.END);
            assertThat(eq.answer()).isEqualTo(answer);
            // every '>'-separated step is an expression with the same value, each shorter than the last
            int from = 1;
            int previousLength = Integer.MAX_VALUE;
            for (int i2 = 1; i2 < t.length; i2++) {
                if (t[i2] == Notation.STEP || t[i2] == Notation.EQUALS) {
                    Expression step = notation.parse(t, from, i2);
                    assertThat(step.evaluate()).isEqualTo(answer);
                    assertThat(i2 - from).isLessThan(previousLength);
                    previousLength = i2 - from;
                    from = i2 + 1;
                    if (t[i2] == Notation.EQUALS) {
                        break;
                    }
                }
            }
            assertThat(previousLength).isEqualTo(1);
            Equation direct = cot.equation(tree, false);
            assertThat(direct.length()).isEqualTo(notation.render(tree).length + 4);
            assertThat(direct.answer()).isEqualTo(answer);
        }
    }

    @Test
    void equationsReadBackFromTheirTokens() {
        Equation e = chain.equation(mod10.parse("(/(%845)(/40))"), true);
        assertThat(text(e)).isEqualTo("s(/(%845)(/40))>(/(%845)0)>(/70)>0=0e");
        assertThat(Equation.of(e.tokens(), mod10)).isEqualTo(e);
    }
}
