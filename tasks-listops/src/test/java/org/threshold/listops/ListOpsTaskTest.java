package org.threshold.listops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threshold.api.config.ConfigException;
import org.threshold.api.task.Component;
import org.threshold.api.task.EvalSet;
import org.threshold.api.task.Example;
import org.threshold.api.task.Task;
import org.threshold.listops.arithmetic.SumTableKind;
import org.threshold.listops.expression.Mixing;
import org.threshold.listops.expression.Notation;
import org.threshold.listops.expression.TreeShape;
import org.threshold.listops.task.ExpressionSettings;

class ListOpsTaskTest {

    private static ListOpsConfig small(String... operators) {
        return ListOpsConfig.of(operators).withSizes(2_000, 300, 100);
    }

    @Test
    void withinMixingHasOneComponentNamedAfterTheMixture() {
        Task task = ListOpsTask.create(small("MAX", "MED", "SUM"), 1);
        assertThat(task.components()).extracting(Component::name).containsExactly("MAX+MED+SUM");
        assertThat(task.components().get(0).data().size()).isEqualTo(2_000);
    }

    @Test
    void perExpressionMixingHasOneComponentPerOperatorWithItsWeight() {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("MAX", 2.0);
        weights.put("MED", 1.0);
        weights.put("SUM", 0.0);
        Task task = ListOpsTask.create(ListOpsConfig.of(weights).withSizes(2_000, 300, 100).withMixing(Mixing.PER_EXPRESSION), 1);
        assertThat(task.components()).extracting(Component::name).containsExactly("MAX", "MED", "SUM");
        assertThat(task.components()).extracting(Component::weight).containsExactly(2.0, 1.0, 0.0);
        assertThat(task.components()).extracting(c -> c.data().size()).containsExactly(667, 667, 666);
    }

    @Test
    void evaluationSetsAreTheHeadlineSetThenOnePerOperatorThenTrain() {
        Task task = ListOpsTask.create(small("MAX", "MED", "SUM"), 1);
        assertThat(task.evalSets()).extracting(EvalSet::name).containsExactly("", "MAX", "MED", "SUM", "train");
        assertThat(task.evalSets()).allSatisfy(s -> assertThat(s.items()).hasSize(100));
        assertThat(task.headlineMetric()).isEqualTo("accuracy");
        assertThat(task.evalSets().get(3).metricName("accuracy")).isEqualTo("accuracy.SUM");
    }

    @Test
    void figuresGiveChanceLevelsRejectionsAndTheExclusionSet() {
        Task task = ListOpsTask.create(small("MAX", "MED", "SUM"), 1);
        assertThat(task.figures()).containsKeys("chance", "chance.MAX", "chance.MED", "chance.SUM", "chance.train", "rejected",
                "rejected_fraction", "excluded_triplets", "drawn");
        assertThat(task.figures().get("excluded_triplets")).isEqualTo(100.0);
        // MAX answers lean to large values; the SUM answers are nearly uniform over 10 values
        assertThat(task.figures().get("chance.MAX")).isGreaterThan(task.figures().get("chance.SUM"));
        assertThat(task.figures().get("chance.SUM")).isBetween(0.05, 0.3);
    }

    @Test
    void theVocabularyIsFixedByTheModulusNotTheMixture() {
        Task sum = ListOpsTask.create(small("SUM"), 1);
        Task all = ListOpsTask.create(small("MAX", "MED", "SUM"), 1);
        assertThat(sum.vocabulary()).isEqualTo(all.vocabulary());
        assertThat(sum.vocabulary().size()).isEqualTo(24);
        Task mod26 = ListOpsTask.create(small("SUM").withModulus(26), 1);
        assertThat(mod26.vocabulary().size()).isEqualTo(6 + 26 + 7 + 1);
        assertThat(sum.stopToken()).hasValue(sum.vocabulary().id("e"));
        assertThat(sum.contextLength()).isEqualTo(128);
    }

    @Test
    void examplesAreThePapersNotationAndTheirCompletionFollowsThePrompt() {
        Task task = ListOpsTask.create(small("SUM"), 1);
        Example ex = task.components().get(0).data().example(0, 0);
        String text = task.vocabulary().render(ex.tokens());
        assertThat(text).matches("s\\(%[0-9(%)]+\\)(>[0-9(%)]+)*=[0-9]e");
        assertThat(ex.tokens()[ex.completionStart() - 1]).isEqualTo(Notation.STEP);
    }

    @Test
    void theSameSeedGivesTheSameTask() {
        Task a = ListOpsTask.create(small("MAX", "SSUM"), 9);
        Task b = ListOpsTask.create(small("MAX", "SSUM"), 9);
        Task c = ListOpsTask.create(small("MAX", "SSUM"), 10);
        for (int i = 0; i < 50; i++) {
            assertThat(a.components().get(0).data().example(0, i).tokens()).isEqualTo(b.components().get(0).data().example(0, i).tokens());
        }
        assertThat(a.evalSets().get(0).items().get(0).prompt()).isEqualTo(b.evalSets().get(0).items().get(0).prompt());
        assertThat(a.components().get(0).data().example(0, 0).tokens()).isNotEqualTo(c.components().get(0).data().example(0, 0).tokens());
        assertThat(a.figures()).isEqualTo(b.figures());
    }

    @Test
    void theSsumTableComesFromTheConfig() {
        ListOpsConfig shuffled = small("SSUM");
        ListOpsConfig random = shuffled.withSumTable(SumTableKind.RANDOM, 1);
        ListOpsConfig otherSeed = shuffled.withSumTable(SumTableKind.SHUFFLED, 2);
        int[] op = {3, 8};
        int a = ListOpsTask.family(shuffled).get("SSUM").evaluate(op);
        assertThat(ListOpsTask.family(shuffled).get("SSUM").evaluate(op)).isEqualTo(a);
        boolean differs = false;
        for (int x = 0; x < 10; x++) {
            for (int y = 0; y < 10; y++) {
                int[] pair = {x, y};
                differs |= ListOpsTask.family(random).get("SSUM").evaluate(pair) != ListOpsTask.family(shuffled).get("SSUM").evaluate(pair);
                differs |= ListOpsTask.family(otherSeed).get("SSUM").evaluate(pair) != ListOpsTask.family(shuffled).get("SSUM").evaluate(pair);
            }
        }
        assertThat(differs).isTrue();
    }

    @Test
    void dataThatCannotBeMadeIsAConfigProblemAtTheKey() {
        // mod 3, flat trees of 2 or 3 operands: 36 expressions in all, some holding an excluded triplet
        ListOpsConfig mod3 = ListOpsConfig.of("SUM").withModulus(3);
        ListOpsConfig tooMany = mod3.withExpressions(mod3.expressions().withShape(new TreeShape(1, 2, 3, 0.3))).withSizes(100, 10, 10);
        assertThatThrownBy(() -> ListOpsTask.create(tooMany, 1))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> {
                    ConfigException ce = (ConfigException) e;
                    assertThat(ce.problems()).hasSize(1);
                    assertThat(ce.problems().get(0).path()).isEqualTo("task.train_size");
                    assertThat(ce.problems().get(0).message()).contains("training set needs 100");
                });
        ExpressionSettings shortContext = small("MAX").expressions().withContext(24);
        assertThatThrownBy(() -> ListOpsTask.create(small("MAX").withExpressions(shortContext), 1))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems().get(0).path()).isEqualTo("task.context"));
    }

    @Test
    void modulusTwoWorksOnceItHasAnExcludedTriplet() {
        ListOpsConfig mod2 = ListOpsConfig.of("SUM", "PROD").withModulus(2);
        assertThat(mod2.expressions().excluded()).as("min(100, floor(0.1 * 8))").isZero();
        ListOpsConfig one = mod2.withExpressions(mod2.expressions().withExcluded(1)).withSizes(300, 30, 20);
        Task task = ListOpsTask.create(one, 1);
        assertThat(task.vocabulary().size()).isEqualTo(6 + 2 + 7 + 1);
        assertThat(task.components().get(0).data().size()).isEqualTo(300);
        assertThat(task.evalSets().get(0).items()).hasSize(20);
    }

    @Test
    void theDescriptionNamesTheMixtureAndTheSplit() {
        Task task = ListOpsTask.create(small("MAX", "MED", "SUM"), 1);
        assertThat(task.describe()).startsWith("ListOps mod 10, MAX+MED+SUM within, depth 2, args 2-3, p_nest 0.3, CoT")
                .contains("2000 train", "300 test (sampled)", "100 excluded triplets");
        assertThat(List.of(new ListOpsProvider().name(), new ListOpsProvider().description())).doesNotContainNull();
    }
}
