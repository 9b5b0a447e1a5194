package org.threshold.permutation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigException;
import org.threshold.api.config.ConfigProblem;
import org.threshold.listops.expression.Mixing;
import org.threshold.listops.expression.TreeShape;
import org.threshold.listops.family.ExpressionMode;
import org.threshold.listops.triplets.TripletDataset;
import org.threshold.permutation.group.Subgroup;

/** Binding the {@code task:} section from YAML, as a run file gives it. */
class PermutationConfigTest {

    private static PermutationConfig bind(String task) {
        ConfigDocument doc = ConfigDocument.parse("task:\n" + task.indent(2), "run.yaml");
        PermutationConfig config = PermutationConfig.bind(doc.root().section("task"));
        doc.check();
        return config;
    }

    private static List<ConfigProblem> problems(String task) {
        try {
            bind(task);
        } catch (ConfigException e) {
            return e.problems();
        }
        return fail("expected problems in:\n" + task);
    }

    private static ConfigProblem onlyProblem(String task) {
        List<ConfigProblem> problems = problems(task);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void theDefaultsAreThePapersGroupAndSpecsExpressionDefaults() {
        PermutationConfig c = bind("operators: [OP, OP_TOP, OP_BOTTOM]");
        assertThat(c.blocks()).containsExactly(3, 3);
        assertThat(c.subgroup()).isEqualTo(Subgroup.SYMMETRIC);
        assertThat(c.group().order()).isEqualTo(36);
        assertThat(c.mode()).isEqualTo(ExpressionMode.EXPRESSIONS);
        assertThat(c.expressions().shape()).isEqualTo(TreeShape.PAPER);
        assertThat(c.expressions().trainSize()).isEqualTo(45_000);
        assertThat(c.expressions().excluded()).isEqualTo(100);
        assertThat(c).isEqualTo(PermutationConfig.of("OP", "OP_TOP", "OP_BOTTOM").withExpressions(c.expressions())
                .withOrigin(c.origin()));
    }

    @Test
    void everyKeyBinds() {
        PermutationConfig c = bind("""
                blocks: [2, 3, 2]
                subgroup: cyclic
                operators: {OP: 2, OP_TOP: 1}
                mixing: per-expression
                depth: 3
                args: [2, 4]
                p_nest: 0.25
                cot: false
                context: 256
                train_size: 1000
                test_size: 300
                eval_size: 200
                excluded: 50
                test_equations: planted
                """);
        assertThat(c.blocks()).containsExactly(2, 3, 2);
        assertThat(c.subgroup()).isEqualTo(Subgroup.CYCLIC);
        assertThat(c.group().order()).isEqualTo(12);
        assertThat(c.expressions().operators()).containsExactly(Map.entry("OP", 2.0), Map.entry("OP_TOP", 1.0));
        assertThat(c.expressions().mixing()).isEqualTo(Mixing.PER_EXPRESSION);
        assertThat(c.expressions().shape()).isEqualTo(new TreeShape(3, 2, 4, 0.25));
        assertThat(c.expressions().chainOfThought()).isFalse();
        assertThat(c.expressions().excluded()).isEqualTo(50);
    }

    @Test
    void tripletModeDefaultsToAllThreeOperatorsTestedUnderOp() {
        PermutationConfig c = bind("mode: triplets\ntriplet_dataset: 900-balanced");
        assertThat(c.mode()).isEqualTo(ExpressionMode.TRIPLETS);
        assertThat(c.tripletDataset()).isEqualTo(TripletDataset.BALANCED);
        assertThat(c.testOperator()).isEqualTo("OP");
        assertThat(c.expressions().operators()).containsOnlyKeys("OP", "OP_TOP", "OP_BOTTOM");
    }

    @Test
    void operatorsAreRequiredAndNamedFromTheFamily() {
        assertThat(onlyProblem("blocks: [3, 3]").message()).contains("required").contains("[OP, OP_TOP, OP_BOTTOM]");
        assertThat(onlyProblem("operators: [OP, OP_TOPP]").message()).contains("OP_TOP");
    }

    @Test
    void blocksThatMakeNoUsableGroupAreAProblemAtBlocks() {
        ConfigProblem tooBig = onlyProblem("operators: [OP]\nblocks: [4, 4, 4]");
        assertThat(tooBig.path()).isEqualTo("task.blocks");
        assertThat(tooBig.message()).contains("13,824 elements (S4×S4×S4)").contains("at most 4096");
        assertThat(onlyProblem("operators: [OP]\nblocks: []").message()).contains("at least one block");
        assertThat(onlyProblem("operators: [OP]\nblocks: [3, 1]").path()).isEqualTo("task.blocks[1]");
        assertThat(onlyProblem("operators: [OP]\nsubgroup: abelian").path()).isEqualTo("task.subgroup");
        ConfigProblem triplets = onlyProblem("mode: triplets\nblocks: [5]");
        assertThat(triplets.message()).contains("at most 100 elements").contains("give 120");
    }

    @Test
    void keysOfTheOtherModeAreProblemsThatSaySo() {
        assertThat(onlyProblem("mode: triplets\ndepth: 3").message()).contains("does not apply to mode: triplets");
        assertThat(onlyProblem("operators: [OP]\ntest_operator: OP_TOP").message()).contains("applies only to mode: triplets");
    }

    @Test
    void theGroupOfTwoElementsNeedsAnExplicitExclusionSet() {
        assertThat(onlyProblem("operators: [OP]\nblocks: [2]").message()).contains("set excluded to 1 or more");
        assertThat(bind("operators: [OP]\nblocks: [2]\nexcluded: 1").group().order()).isEqualTo(2);
    }
}
