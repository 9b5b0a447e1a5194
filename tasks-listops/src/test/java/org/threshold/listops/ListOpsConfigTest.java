package org.threshold.listops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigException;
import org.threshold.api.config.ConfigProblem;
import org.threshold.api.task.TaskContext;
import org.threshold.listops.arithmetic.SumTableKind;
import org.threshold.listops.expression.Mixing;
import org.threshold.listops.expression.TreeShape;
import org.threshold.listops.family.ExpressionMode;
import org.threshold.listops.split.TestEquations;
import org.threshold.listops.triplets.TripletDataset;

/** Binding the {@code task:} section from YAML, as a run file gives it. */
class ListOpsConfigTest {

    private static ListOpsConfig bind(String task) {
        ConfigDocument doc = ConfigDocument.parse("task:\n" + task.indent(2), "run.yaml");
        ListOpsConfig config = ListOpsConfig.bind(doc.root().section("task"));
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
    void theDefaultsAreThePapers() {
        ListOpsConfig c = bind("operators: [MAX, MED, SUM]");
        assertThat(c.modulus()).isEqualTo(10);
        assertThat(c.mode()).isEqualTo(ExpressionMode.EXPRESSIONS);
        assertThat(c.expressions().operators()).containsExactly(java.util.Map.entry("MAX", 1.0), java.util.Map.entry("MED", 1.0),
                java.util.Map.entry("SUM", 1.0));
        assertThat(c.expressions().mixing()).isEqualTo(Mixing.WITHIN);
        assertThat(c.expressions().shape()).isEqualTo(TreeShape.PAPER);
        assertThat(c.expressions().chainOfThought()).isTrue();
        assertThat(c.expressions().context()).isEqualTo(128);
        assertThat(c.expressions().trainSize()).isEqualTo(45_000);
        assertThat(c.expressions().testSize()).isEqualTo(2_000);
        assertThat(c.expressions().evalSize()).isEqualTo(1_000);
        assertThat(c.expressions().excluded()).isEqualTo(100);
        assertThat(c.expressions().testEquations()).isEqualTo(TestEquations.AUTO);
        assertThat(c.ssumTable()).isEqualTo(SumTableKind.SHUFFLED);
        assertThat(c.tableSeed()).isEqualTo(1);
        assertThat(c).isEqualTo(ListOpsConfig.of("MAX", "MED", "SUM").withExpressions(c.expressions())
                .withSumTable(SumTableKind.SHUFFLED, 1).withOrigin(c.origin()));
    }

    @Test
    void everyKeyBinds() {
        ListOpsConfig c = bind("""
                modulus: 26
                operators: {MAX: 2, SSUM: 1}
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
                ssum_table: random
                table_seed: 7
                """);
        assertThat(c.modulus()).isEqualTo(26);
        assertThat(c.expressions().operators()).containsExactly(java.util.Map.entry("MAX", 2.0), java.util.Map.entry("SSUM", 1.0));
        assertThat(c.expressions().mixing()).isEqualTo(Mixing.PER_EXPRESSION);
        assertThat(c.expressions().shape()).isEqualTo(new TreeShape(3, 2, 4, 0.25));
        assertThat(c.expressions().chainOfThought()).isFalse();
        assertThat(c.expressions().context()).isEqualTo(256);
        assertThat(List.of(c.expressions().trainSize(), c.expressions().testSize(), c.expressions().evalSize())).containsExactly(1000, 300, 200);
        assertThat(c.expressions().excluded()).isEqualTo(50);
        assertThat(c.expressions().testEquations()).isEqualTo(TestEquations.PLANTED);
        assertThat(c.ssumTable()).isEqualTo(SumTableKind.RANDOM);
        assertThat(c.tableSeed()).isEqualTo(7);
    }

    @Test
    void tripletModeBindsItsDatasetAndDefaultsToMaxMedSum() {
        ListOpsConfig c = bind("mode: triplets\ntriplet_dataset: 900-balanced");
        assertThat(c.mode()).isEqualTo(ExpressionMode.TRIPLETS);
        assertThat(c.tripletDataset()).isEqualTo(TripletDataset.BALANCED);
        assertThat(c.expressions().operators()).containsOnlyKeys("MAX", "MED", "SUM");
        assertThat(bind("mode: triplets\ntriplet_dataset: 2700").tripletDataset()).isEqualTo(TripletDataset.EVERY_OPERATOR);
        assertThat(bind("mode: triplets\ntriplet_dataset: sum-900").tripletDataset()).isEqualTo(TripletDataset.TEST_OPERATOR);
    }

    @Test
    void operatorsAreRequiredForExpressions() {
        ConfigProblem p = onlyProblem("modulus: 10");
        assertThat(p.path()).isEqualTo("task.operators");
        assertThat(p.message()).contains("required", "MAX", "SSUM");
    }

    @Test
    void aModulusBelowTwoIsAProblemAtModulus() {
        ConfigProblem p = onlyProblem("modulus: 1\noperators: [SUM]");
        assertThat(p.path()).isEqualTo("task.modulus");
        assertThat(p.mark().line()).isEqualTo(2);
    }

    @Test
    void depthZeroIsAProblemAtDepth() {
        assertThat(onlyProblem("operators: [SUM]\ndepth: 0").path()).isEqualTo("task.depth");
    }

    @Test
    void impossibleOperandRangesAreProblemsAtArgs() {
        assertThat(onlyProblem("operators: [SUM]\nargs: [3, 2]").message()).contains("min <= max");
        assertThat(onlyProblem("operators: [SUM]\nargs: [4, 5]").message()).contains("must include 3");
        assertThat(onlyProblem("operators: [SUM]\nargs: [2]").path()).isEqualTo("task.args");
        assertThat(onlyProblem("operators: [SUM]\nargs: [0, 3]").path()).isEqualTo("task.args[0]");
    }

    @Test
    void moreExcludedTripletsThanExistIsAProblemAtExcluded() {
        ConfigProblem p = onlyProblem("modulus: 3\noperators: [SUM]\nexcluded: 28");
        assertThat(p.path()).isEqualTo("task.excluded");
        assertThat(p.message()).contains("only 27 ordered triplets");
        assertThat(onlyProblem("modulus: 2\noperators: [SUM]").message()).contains("default", "is 0 for 2 elements");
    }

    @Test
    void anUnknownOperatorGetsADidYouMean() {
        ConfigProblem p = onlyProblem("operators: [MAX, ADD]");
        assertThat(p.message()).contains("ADD");
    }

    @Test
    void keysOfTheOtherModeAreProblemsThatSaySo() {
        assertThat(onlyProblem("mode: triplets\ndepth: 3").message()).contains("does not apply to mode: triplets");
        assertThat(onlyProblem("operators: [SUM]\ntriplet_dataset: 2700").message()).contains("applies only to mode: triplets");
        assertThat(onlyProblem("mode: triplets\nmodulus: 200").path()).isEqualTo("task.modulus");
    }

    @Test
    void evalSizeAboveTestSizeIsAProblem() {
        assertThat(onlyProblem("operators: [SUM]\ntest_size: 100\neval_size: 200").path()).isEqualTo("task.eval_size");
    }

    @Test
    void aSizeTheSplitCannotFillIsAConfigErrorAtItsKeyWithTheFilePosition() {
        ListOpsConfig c = bind("modulus: 3\noperators: [SUM]\ndepth: 1\ntrain_size: 500\ntest_size: 10\neval_size: 10");
        assertThatThrownBy(() -> new ListOpsProvider().create(c, new TaskContext(1)))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> {
                    ConfigProblem p = ((ConfigException) e).problems().get(0);
                    assertThat(p.path()).isEqualTo("task.train_size");
                    // at train_size's own line, not the section's first key
                    assertThat(p.mark()).isEqualTo(new org.threshold.api.config.Mark("run.yaml", 5, 3));
                    assertThat(p.message()).contains("training set needs 500");
                });
    }

    @Test
    void dataTooLargeForTheHeapIsRefusedAtTrainSizeBeforeAnyIsDrawn() {
        ListOpsConfig c = bind("operators: [MAX]\ncontext: 64\ntrain_size: 10000000");
        long started = System.nanoTime();
        assertThatThrownBy(() -> new ListOpsProvider().create(c, new TaskContext(1, 1L << 30)))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(ConfigProblem::toString).containsExactly(
                        "run.yaml:4:3: task.train_size: expected data that fits the Java heap (1.0 GB), found 10,003,000 equations "
                                + "(10,000,000 training, 2,000 test, 1,000 per-operator test) of about 20 tokens, about 2.5 GB; lower "
                                + "train_size, or give Java more heap (e.g. THRESHOLD_JAVA_OPTS=-Xmx4g)"));
        assertThat((System.nanoTime() - started) / 1e9).isLessThan(5.0); // refused, not tried
    }

    @Test
    void theHeapEstimateIsCloseToWhatGeneratingTakes() {
        // measured: validating 1,000,000 of these equations needs -Xmx290m (with the JVM's own few
        // tens of MB); the estimate of the data alone must not exceed that, nor be far below it
        ListOpsConfig c = bind("operators: [MAX]\ncontext: 64\ntrain_size: 1000000");
        assertThatThrownBy(() -> new ListOpsProvider().create(c, new TaskContext(1, 200L << 20)))
                .hasMessageContaining("about 253 MB");
    }

    @Test
    void theResolvedConfigBindsToTheSameConfig() {
        for (String task : List.of("operators: {MAX: 1, SUM: 3}\nmixing: per-expression", "mode: triplets\ntriplet_dataset: sum-900")) {
            ConfigDocument doc = ConfigDocument.parse("task:\n" + task.indent(2), "run.yaml");
            ListOpsConfig first = ListOpsConfig.bind(doc.root().section("task"));
            doc.check();
            ConfigDocument again = ConfigDocument.parse(doc.resolvedYaml(), "config.yaml");
            ListOpsConfig second = ListOpsConfig.bind(again.root().section("task"));
            again.check();
            assertThat(second.withOrigin(first.origin())).isEqualTo(first);
        }
    }
}
