package org.threshold.listops.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threshold.listops.arithmetic.Arithmetic;

class RandomExpressionsTest {

    private final Arithmetic family = Arithmetic.of(10, 1);
    private final Notation notation = family.notation();

    private RandomExpressions trees(OperatorMixture mixture, TreeShape shape, long seed) {
        return new RandomExpressions(notation, mixture, shape, seed);
    }

    private OperatorMixture maxMedSum(Mixing mixing) {
        return OperatorMixture.equal(List.of(family.get("MAX"), family.get("MED"), family.get("SUM")), mixing);
    }

    private static void visit(Expression e, int level, List<int[]> nodes) {
        if (e instanceof Expression.Application app) {
            nodes.add(new int[] {level, app.operands().size()});
            app.operands().forEach(o -> visit(o, level + 1, nodes));
        }
    }

    private static Set<String> operatorNames(Expression e) {
        Set<String> out = new HashSet<>();
        if (e instanceof Expression.Application app) {
            out.add(app.operator().name());
            app.operands().forEach(o -> out.addAll(operatorNames(o)));
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSameTrees() {
        RandomExpressions a = trees(maxMedSum(Mixing.WITHIN), TreeShape.PAPER, 5);
        RandomExpressions b = trees(maxMedSum(Mixing.WITHIN), TreeShape.PAPER, 5);
        RandomExpressions c = trees(maxMedSum(Mixing.WITHIN), TreeShape.PAPER, 6);
        List<String> fromA = new ArrayList<>();
        List<String> fromB = new ArrayList<>();
        List<String> fromC = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            fromA.add(notation.text(a.next()));
            fromB.add(notation.text(b.next()));
            fromC.add(notation.text(c.next()));
        }
        assertThat(fromA).isEqualTo(fromB).isNotEqualTo(fromC);
    }

    @Test
    void treesKeepTheirDepthAndOperandCountRangeAndUseTheWholeRange() {
        TreeShape shape = new TreeShape(3, 2, 4, 0.5);
        RandomExpressions r = trees(maxMedSum(Mixing.WITHIN), shape, 1);
        Set<Integer> counts = new HashSet<>();
        Set<Integer> depths = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            Expression e = r.next();
            depths.add(e.depth());
            List<int[]> nodes = new ArrayList<>();
            visit(e, 1, nodes);
            for (int[] node : nodes) {
                assertThat(node[0]).isBetween(1, 3);
                assertThat(node[1]).isBetween(2, 4);
                counts.add(node[1]);
            }
        }
        assertThat(depths).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(counts).containsExactlyInAnyOrder(2, 3, 4);
    }

    @Test
    void nestingProbabilityZeroGivesFlatTreesAndOneGivesFullDepth() {
        RandomExpressions flat = trees(maxMedSum(Mixing.WITHIN), new TreeShape(3, 2, 3, 0), 1);
        RandomExpressions full = trees(maxMedSum(Mixing.WITHIN), new TreeShape(3, 2, 3, 1), 1);
        for (int i = 0; i < 500; i++) {
            assertThat(flat.next().depth()).isEqualTo(1);
            Expression e = full.next();
            List<int[]> nodes = new ArrayList<>();
            visit(e, 1, nodes);
            // every operand above the last level is a sub-expression: 1 + k + k*k' nodes in all
            assertThat(e.depth()).isEqualTo(3);
            assertThat(nodes.stream().filter(n -> n[0] == 3)).isNotEmpty();
        }
    }

    @Test
    void perExpressionMixingGivesOneOperatorPerExpressionAndWithinMixesThem() {
        RandomExpressions per = trees(maxMedSum(Mixing.PER_EXPRESSION), new TreeShape(3, 2, 3, 0.6), 2);
        RandomExpressions mixed = trees(maxMedSum(Mixing.WITHIN), new TreeShape(3, 2, 3, 0.6), 2);
        Set<String> usedPer = new HashSet<>();
        int mixedExpressions = 0;
        for (int i = 0; i < 2_000; i++) {
            Set<String> ops = operatorNames(per.next());
            assertThat(ops).hasSize(1);
            usedPer.addAll(ops);
            mixedExpressions += operatorNames(mixed.next()).size() > 1 ? 1 : 0;
        }
        assertThat(usedPer).containsExactlyInAnyOrder("MAX", "MED", "SUM");
        assertThat(mixedExpressions).isGreaterThan(500);
    }

    @Test
    void operatorsAreDrawnByWeightAndWeightZeroNeverAppears() {
        OperatorMixture mixture = new OperatorMixture(List.of(family.get("MAX"), family.get("SUM"), family.get("MED")),
                List.of(3.0, 1.0, 0.0), Mixing.WITHIN);
        RandomExpressions r = trees(mixture, new TreeShape(1, 2, 2, 0), 3);
        int max = 0;
        int draws = 20_000;
        for (int i = 0; i < draws; i++) {
            Set<String> ops = operatorNames(r.next());
            assertThat(ops).doesNotContain("MED");
            max += ops.contains("MAX") ? 1 : 0;
        }
        assertThat(max / (double) draws).isCloseTo(0.75, within(0.015));
    }

    @Test
    void aTreeLongerThanTheLimitIsReportedNotWritten() {
        RandomExpressions r = trees(maxMedSum(Mixing.WITHIN), new TreeShape(2, 3, 3, 1), 4);
        // depth 2, 3 operands, always nested: (op(op abc)(op abc)(op abc)) is 3 + 3 * 6 = 21 tokens
        assertThat(r.draw(new int[21], 20)).isEqualTo(-1);
        assertThat(r.draw(new int[21], 21)).isEqualTo(21);
        assertThat(RandomExpressions.maxTokens(new TreeShape(2, 3, 3, 1))).isEqualTo(21);
    }

    @Test
    void theExpectedNodeCountMatchesTheDraws() {
        TreeShape shape = new TreeShape(3, 2, 4, 0.4);
        RandomExpressions r = trees(maxMedSum(Mixing.WITHIN), shape, 9);
        long nodes = 0;
        long threes = 0;
        int draws = 40_000;
        for (int i = 0; i < draws; i++) {
            List<int[]> list = new ArrayList<>();
            visit(r.next(), 1, list);
            nodes += list.size();
            threes += list.stream().filter(n -> n[1] == 3).count();
        }
        assertThat(nodes / (double) draws).isCloseTo(shape.expectedNodes(), within(0.03 * shape.expectedNodes()));
        assertThat(threes / (double) draws).isCloseTo(shape.expectedNodesWithArgs(3), within(0.03 * shape.expectedNodesWithArgs(3)));
        assertThat(TreeShape.PAPER.expectedNodes()).isEqualTo(1 + 2.5 * 0.3);
    }
}
