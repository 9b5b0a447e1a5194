package org.threshold.listops.triplets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.threshold.api.task.Component;
import org.threshold.api.task.EvalItem;
import org.threshold.api.task.EvalSet;
import org.threshold.api.task.Example;
import org.threshold.api.task.Task;
import org.threshold.listops.ListOpsConfig;
import org.threshold.listops.ListOpsTask;
import org.threshold.listops.expression.Expression;
import org.threshold.listops.expression.Notation;
import org.threshold.listops.family.FamilyTask;
import org.threshold.listops.split.ExcludedTriplets;
import org.threshold.listops.split.Triplet;

class TripletTaskTest {

    private static final long SEED = 3;
    private static final Notation NOTATION = ListOpsTask.family(ListOpsConfig.triplets(TripletDataset.EVERY_OPERATOR)).notation();

    private static Task task(TripletDataset dataset, long seed) {
        return ListOpsTask.create(ListOpsConfig.triplets(dataset), seed);
    }

    private static ExcludedTriplets heldOut(TripletDataset dataset, long seed) {
        ListOpsConfig config = ListOpsConfig.triplets(dataset);
        return TripletTask.heldOut(FamilyTask.tripletSpec(config, ListOpsTask.family(config).notation()), seed);
    }

    private static Expression.Application question(Task task, int[] tokens) {
        Notation notation = NOTATION;
        int end = 1;
        while (tokens[end] != Notation.CLOSE) {
            end++;
        }
        return (Expression.Application) notation.parse(tokens, 1, end + 1);
    }

    private static Triplet triplet(Expression.Application e) {
        return new Triplet(e.operands().get(0).evaluate(), e.operands().get(1).evaluate(), e.operands().get(2).evaluate());
    }

    @Test
    void the2700DatasetIsEveryTrainingTripletUnderMaxMedAndSum() {
        Task task = task(TripletDataset.EVERY_OPERATOR, SEED);
        assertThat(task.components()).extracting(Component::name).containsExactly("MAX", "MED", "SUM");
        assertThat(task.components()).extracting(c -> c.data().size()).containsExactly(900, 900, 900);
        ExcludedTriplets held = heldOut(TripletDataset.EVERY_OPERATOR, SEED);
        for (Component c : task.components()) {
            Set<Triplet> seen = new HashSet<>();
            for (int i = 0; i < c.data().size(); i++) {
                Expression.Application q = question(task, c.data().example(0, i).tokens());
                assertThat(q.operator().name()).isEqualTo(c.name());
                seen.add(triplet(q));
            }
            assertThat(seen).hasSize(900).doesNotContainAnyElementsOf(held.triplets());
        }
    }

    @Test
    void the900BalancedDatasetDealsTheTrainingTripletsOutEvenly() {
        Task task = task(TripletDataset.BALANCED, SEED);
        assertThat(task.components()).extracting(Component::name).containsExactly("MAX", "MED", "SUM");
        assertThat(task.components()).extracting(c -> c.data().size()).containsExactly(300, 300, 300);
        Set<Triplet> all = new HashSet<>();
        for (Component c : task.components()) {
            for (int i = 0; i < c.data().size(); i++) {
                Expression.Application q = question(task, c.data().example(0, i).tokens());
                assertThat(q.operator().name()).isEqualTo(c.name());
                assertThat(all.add(triplet(q))).as("each training triplet appears once").isTrue();
            }
        }
        assertThat(all).hasSize(900).doesNotContainAnyElementsOf(heldOut(TripletDataset.BALANCED, SEED).triplets());
    }

    @Test
    void theSum900DatasetIsEveryTrainingTripletUnderSum() {
        Task task = task(TripletDataset.TEST_OPERATOR, SEED);
        assertThat(task.components()).extracting(Component::name).containsExactly("SUM");
        assertThat(task.components().get(0).data().size()).isEqualTo(900);
        assertThat(task.evalSets()).extracting(EvalSet::name).containsExactly("", "SUM", "train");
    }

    @ParameterizedTest
    @EnumSource(TripletDataset.class)
    void theTestSetIsTheHundredHeldOutTripletsUnderSum(TripletDataset dataset) {
        for (long seed = 1; seed <= 5; seed++) {
            Task task = task(dataset, seed);
            ExcludedTriplets held = heldOut(dataset, seed);
            assertThat(held.size()).isEqualTo(100);
            EvalSet test = task.evalSets().get(0);
            assertThat(test.name()).isEmpty();
            Set<Triplet> tested = new HashSet<>();
            for (EvalItem item : test.items()) {
                Expression.Application q = question(task, item.prompt());
                assertThat(q.operator().name()).isEqualTo("SUM");
                tested.add(triplet(q));
                int answer = (triplet(q).first() + triplet(q).second() + triplet(q).third()) % 10;
                assertThat(task.vocabulary().render(item.expected())).endsWith("=" + answer + "e");
            }
            assertThat(tested).containsExactlyInAnyOrderElementsOf(held.triplets());
            for (Component c : task.components()) {
                for (int i = 0; i < c.data().size(); i++) {
                    assertThat(held.contains(triplet(question(task, c.data().example(0, i).tokens())))).isFalse();
                }
            }
        }
    }

    @Test
    void tripletEquationsAreOneStepChains() {
        Task task = task(TripletDataset.EVERY_OPERATOR, SEED);
        Example ex = task.components().get(0).data().example(0, 0);
        assertThat(task.vocabulary().render(ex.tokens())).matches("s\\(\\+[0-9]{3}\\)>([0-9])=\\1e");
        assertThat(task.vocabulary().render(java.util.Arrays.copyOf(ex.tokens(), ex.completionStart()))).matches("s\\(\\+[0-9]{3}\\)>");
    }

    @Test
    void evaluationSetsAreHeadlinePerOperatorAndTrain() {
        Task task = task(TripletDataset.EVERY_OPERATOR, SEED);
        assertThat(task.evalSets()).extracting(EvalSet::name).containsExactly("", "MAX", "MED", "SUM", "train");
        assertThat(task.evalSets().get(3).items()).hasSize(100);
        assertThat(task.evalSets().get(4).items()).hasSize(1000);
        assertThat(task.figures()).containsEntry("excluded_triplets", 100.0).containsEntry("train_triplets", 900.0).containsKey("chance");
        assertThat(task.describe()).contains("triplets", "2700", "100 held-out triplets under SUM");
    }

    @Test
    void theHeldOutTripletsAreTheExpressionSplitsExclusionSet() {
        ListOpsConfig expressions = ListOpsConfig.of("SUM");
        ExcludedTriplets fromExpressions = org.threshold.listops.split.ExcludedTriplets.choose(10, 100,
                org.threshold.listops.split.StreamSeed.of(SEED, "excluded"));
        assertThat(heldOut(TripletDataset.EVERY_OPERATOR, SEED).triplets()).isEqualTo(fromExpressions.triplets());
        assertThat(expressions.expressions().excluded()).isEqualTo(100);
    }

    @Test
    void otherModuliScaleTheSameWay() {
        ListOpsConfig mod20 = ListOpsConfig.triplets(TripletDataset.BALANCED).withModulus(20);
        Task task = ListOpsTask.create(mod20, 1);
        // 8000 triplets, 100 held out, 7900 dealt to 3 operators
        assertThat(task.components()).extracting(c -> c.data().size()).containsExactly(2634, 2633, 2633);
        assertThat(task.evalSets().get(0).items()).hasSize(100);
        assertThat(List.of(task.vocabulary().size())).containsExactly(6 + 20 + 7 + 1);
    }
}
