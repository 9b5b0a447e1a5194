package org.threshold.permutation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.threshold.api.config.ConfigException;
import org.threshold.api.task.Component;
import org.threshold.api.task.EvalItem;
import org.threshold.api.task.EvalSet;
import org.threshold.api.task.Task;
import org.threshold.listops.ListOpsConfig;
import org.threshold.listops.ListOpsTask;
import org.threshold.listops.expression.ChainOfThought;
import org.threshold.listops.expression.Equation;
import org.threshold.listops.expression.Mixing;
import org.threshold.listops.expression.Notation;
import org.threshold.listops.expression.TreeShape;
import org.threshold.listops.task.AnswerScorer;
import org.threshold.listops.task.ExpressionTask;
import org.threshold.listops.triplets.TripletDataset;
import org.threshold.permutation.group.BlockDiagonalGroup;
import org.threshold.permutation.group.Subgroup;
import org.threshold.permutation.operators.PermutationFamily;

class PermutationTaskTest {

    private static PermutationConfig small(String... operators) {
        return PermutationConfig.of(operators).withSizes(2_000, 300, 100);
    }

    @Test
    void evaluationSetsAreTheHeadlineSetThenOnePerOperatorThenTrain() {
        Task task = PermutationTask.create(small("OP", "OP_TOP", "OP_BOTTOM"), 1);
        assertThat(task.evalSets()).extracting(EvalSet::name).containsExactly("", "OP", "OP_TOP", "OP_BOTTOM", "train");
        assertThat(task.evalSets()).allSatisfy(s -> assertThat(s.items()).hasSize(100));
        assertThat(task.components()).extracting(Component::name).containsExactly("OP+OP_TOP+OP_BOTTOM");
        assertThat(task.headlineMetric()).isEqualTo("accuracy");
    }

    @Test
    void theVocabularyIsFixedByTheGroupNotTheMixture() {
        Task op = PermutationTask.create(small("OP"), 1);
        Task all = PermutationTask.create(small("OP", "OP_TOP", "OP_BOTTOM"), 1);
        assertThat(op.vocabulary()).isEqualTo(all.vocabulary());
        assertThat(op.vocabulary().size()).isEqualTo(6 + 36 + 3 + 1);
        assertThat(op.stopToken()).hasValue(op.vocabulary().id("e"));
    }

    @Test
    void thePapersExampleIsWrittenAndSolvedInTheListOpsNotation() {
        // OP(1, 2, OP_TOP(2, 3)), the paper's section 3.3
        PermutationFamily family = PermutationFamily.of(BlockDiagonalGroup.symmetric(3, 3));
        Notation notation = family.notation();
        Equation equation = new ChainOfThought(notation).equation(notation.vocabulary().parse("(*12(^23))"), true);

        BlockDiagonalGroup g = family.group();
        int inner = g.element(new int[] {g.blockProduct(0, g.rank(2, 0), g.rank(3, 0)), 0});
        int value = g.product(g.product(1, 2), inner);
        assertThat(equation.text(notation)).isEqualTo("s(*12(^23))>(*12" + family.token(inner) + ")>" + family.token(value)
                + "=" + family.token(value) + "e");
        assertThat(equation.answer()).isEqualTo(value);
    }

    @Test
    void chanceIsTheShareOfTheMostFrequentAnswerAndOpTopHasOnlySixAnswers() {
        Task task = PermutationTask.create(small("OP", "OP_TOP", "OP_BOTTOM"), 1);
        Notation notation = ((ExpressionTask) task).notation();
        for (EvalSet set : task.evalSets()) {
            Map<Integer, Integer> counts = new HashMap<>();
            for (EvalItem item : set.items()) {
                counts.merge(notation.value(AnswerScorer.answer(item).getAsInt()), 1, Integer::sum);
            }
            double most = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
            assertThat(task.figures().get(set.metricName("chance"))).as("chance of set '%s'", set.name())
                    .isEqualTo(most / set.items().size());
            if (set.name().equals("OP_TOP")) {
                assertThat(counts.keySet()).hasSizeLessThanOrEqualTo(6).allSatisfy(v -> assertThat(v % 6).isZero());
                assertThat(task.figures().get("chance.OP_TOP")).isGreaterThanOrEqualTo(1.0 / 6);
            }
        }
        assertThat(task.figures().get("chance.OP_TOP")).isGreaterThan(task.figures().get("chance.OP"));
    }

    @Test
    void theDescriptionNamesTheGroupTheMixtureAndTheSplit() {
        Task task = PermutationTask.create(small("OP", "OP_TOP", "OP_BOTTOM"), 1);
        assertThat(task.describe()).startsWith("Permutation group S3×S3 (blocks [3, 3], 36 elements), OP+OP_TOP+OP_BOTTOM within, "
                + "depth 2, args 2-3, p_nest 0.3, CoT; 2000 train, 300 test (planted), 100 excluded triplets");
    }

    @Test
    void perExpressionMixingHasOneComponentPerOperator() {
        Task task = PermutationTask.create(small("OP", "OP_TOP").withMixing(Mixing.PER_EXPRESSION), 1);
        assertThat(task.components()).extracting(Component::name).containsExactly("OP", "OP_TOP");
        assertThat(task.components()).extracting(c -> c.data().size()).containsExactly(1_000, 1_000);
    }

    @Test
    void tripletModeIsAppendixCsExperimentOnTheGroup() {
        Task task = PermutationTask.create(PermutationConfig.of("OP", "OP_TOP", "OP_BOTTOM")
                .withTriplets(TripletDataset.EVERY_OPERATOR, "OP"), 1);
        int train = 36 * 36 * 36 - 100;
        assertThat(task.components()).extracting(Component::name).containsExactly("OP", "OP_TOP", "OP_BOTTOM");
        assertThat(task.components()).allSatisfy(c -> assertThat(c.data().size()).isEqualTo(train));
        assertThat(task.evalSets().get(0).items()).hasSize(100);
        assertThat(task.describe()).startsWith("Permutation group S3×S3 (blocks [3, 3], 36 elements) triplets, dataset 2700");
    }

    @Test
    void theCyclicGroupOfOneBlockGivesTheSumModNDataWithAnotherSymbol() {
        PermutationConfig cyclic = small("OP").withBlocks(List.of(10), Subgroup.CYCLIC);
        ListOpsConfig sum = ListOpsConfig.of("SUM").withSizes(2_000, 300, 100);
        ExpressionTask z10 = PermutationTask.create(cyclic, 3);
        ExpressionTask sum10 = ListOpsTask.create(sum, 3);

        List<String> ours = texts(z10, z10.components().get(0));
        List<String> theirs = texts(sum10, sum10.components().get(0));

        assertThat(ours).hasSize(2_000);
        assertThat(ours).isEqualTo(theirs.stream().map(t -> t.replace('%', '*')).toList());
    }

    private static List<String> texts(ExpressionTask task, Component component) {
        return IntStream.range(0, component.data().size())
                .mapToObj(i -> task.vocabulary().render(component.data().example(0, i).tokens())).toList();
    }

    @Test
    void dataTheGroupCannotProvideIsAConfigProblemAtTheSizeKey() {
        // Z2 with single 3-operand nodes has 8 distinct expressions; 7 of them hold no excluded triplet.
        PermutationConfig tiny = PermutationConfig.of("OP").withBlocks(List.of(2), Subgroup.CYCLIC);
        PermutationConfig config = tiny.withExpressions(tiny.expressions().withShape(new TreeShape(1, 3, 3, 0)).withExcluded(1)
                .withSizes(100, 1, 1));
        assertThatThrownBy(() -> PermutationTask.create(config, 1)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("train_size").hasMessageContaining("found only 7");
    }

    @Test
    void theSameSeedGivesTheSameDataAndTheGroupOperatorsFeedTheChain() {
        ExpressionTask a = PermutationTask.create(small("OP_TOP"), 5);
        ExpressionTask b = PermutationTask.create(small("OP_TOP"), 5);
        assertThat(texts(a, a.components().get(0))).isEqualTo(texts(b, b.components().get(0)));
        assertThat(texts(a, a.components().get(0))).allSatisfy(t -> assertThat(t).startsWith("s(^"));
    }
}
