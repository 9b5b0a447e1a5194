package org.threshold.app.runfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigException;
import org.threshold.api.config.ConfigProblem;
import org.threshold.api.plugin.Plugins;
import org.threshold.app.fixtures.PluginJars;
import org.threshold.app.fixtures.TestPlugins;
import org.threshold.trainer.RunPlan;
import org.threshold.trainer.TrainingConfig;

/** Binding whole run files (docs/CONFIG.md) with the reverse plugin jar, the bigram model and the constant curriculum. */
class RunPlannerTest {

    private static final String BASE = """
            name: base
            seed: 3
            task: {type: reverse, symbols: 5, train_size: 60, test_size: 10}
            model: {type: bigram}
            training: {steps: 100}
            """;

    @TempDir
    static Path plugins;

    private static Plugins found;
    private static RunPlanner planner;

    @BeforeAll
    static void discover() {
        found = TestPlugins.discover(PluginJars.pluginsDirectory(plugins, "reverse.jar"));
        planner = TestPlugins.planner(found);
    }

    @AfterAll
    static void close() throws Exception {
        found.close();
    }

    private static RunPlan plan(String yaml) {
        return planner.plan(ConfigDocument.parse(yaml, "run.yaml"));
    }

    private static List<String> problems(String yaml) {
        try {
            plan(yaml);
        } catch (ConfigException e) {
            return e.problems().stream().map(ConfigProblem::toString).toList();
        }
        throw new AssertionError("expected problems in:\n" + yaml);
    }

    @Test
    void aRunFileBecomesAPlanWithTheDefaultsOfCONFIGmd() {
        RunPlan plan = plan(BASE);
        assertThat(plan.name()).isEqualTo("base");
        assertThat(plan.seed()).isEqualTo(3);
        assertThat(plan.initSeed()).as("init_seed defaults to seed").isEqualTo(3);
        assertThat(plan.metric()).as("the task's headline metric").isEqualTo("accuracy");
        assertThat(plan.task().describe()).isEqualTo("reverse 2-5 letters of 5 (60 train, 10 test)");
        assertThat(plan.model().parameterCount()).isEqualTo(9L * 9L);
        assertThat(plan.curriculum().weights(0)).as("constant, the task's own weights")
                .containsExactly(Map.entry("length-2", 1.0), Map.entry("length-3", 1.0), Map.entry("length-4", 1.0),
                        Map.entry("length-5", 1.0));
        assertThat(plan.training().steps()).isEqualTo(100);
        assertThat(plan.runtime().output()).isEqualTo("runs");
        assertThat(plan.probes()).isEmpty();
        assertThat(plan.identity()).matches("[0-9a-f]{12}");
    }

    @Test
    void theResolvedConfigHasEverySectionWithItsDefaults() {
        String resolved = plan(BASE).resolvedYaml();
        assertThat(resolved).startsWith("""
                name: base
                seed: 3
                init_seed: 3
                metric: accuracy
                task:
                  type: reverse
                  symbols: 5
                  min_length: 2
                  max_length: 5
                  train_size: 60
                  test_size: 10
                model:
                  type: bigram
                  scale: 0.02
                training:
                  steps: 100
                """);
        assertThat(resolved).contains("""
                curriculum:
                  type: constant
                  weights:
                    length-2: 1.0
                """).contains("probes: []\nruntime:\n  device: auto\n");
    }

    @Test
    void aTaskThatAsksForCompletionOnlyLossGetsItUnlessTheFileChoosesAnother() {
        String addition = "task: {type: addition, digits: 2}\nmodel: {type: bigram}\n";
        RunPlan plan = plan(addition);
        assertThat(plan.training().loss()).isEqualTo("completion");
        assertThat(plan.resolvedYaml()).contains("loss: completion");
        assertThat(plan(addition + "training: {loss: all}\n").training().loss()).isEqualTo("all");
        assertThat(plan(BASE).training().loss()).as("a task that does not ask").isEqualTo("all");
    }

    @Test
    void theNameDefaultsToTheFileName() {
        RunPlan plan = planner.plan(ConfigDocument.parse(BASE.replace("name: base\n", ""), "examples/quickstart.yaml"));
        assertThat(plan.name()).isEqualTo("quickstart");
    }

    @Test
    void identityIsStableAcrossKeyOrderAndDefaultsWrittenOut() {
        String identity = plan(BASE).identity();
        assertThat(plan(BASE).identity()).isEqualTo(identity);
        assertThat(plan("""
                training: {steps: 100}
                model: {type: bigram, scale: 0.02}
                task: {test_size: 10, train_size: 60, symbols: 5, type: reverse, max_length: 5}
                seed: 3
                init_seed: 3
                metric: accuracy
                curriculum: {type: constant}
                name: base
                """).identity()).isEqualTo(identity);
    }

    @Test
    void identitiesOfExistingRunDirectoriesStayAsTheyWere() {
        // computed before training.stop_at existed (commit ab5a89b): a key added later enters the
        // identity only when a file sets it, so run and sweep directories made before it stay valid
        assertThat(plan(BASE).identity()).isEqualTo("88be448b5636");
    }

    @Test
    void identityChangesWithEveryScienceKey() {
        String identity = plan(BASE).identity();
        assertThat(plan(BASE.replace("seed: 3", "seed: 4")).identity()).isNotEqualTo(identity);
        assertThat(plan(BASE + "init_seed: 9\n").identity()).isNotEqualTo(identity);
        assertThat(plan(BASE.replace("symbols: 5", "symbols: 6")).identity()).isNotEqualTo(identity);
        assertThat(plan(BASE.replace("{type: bigram}", "{type: bigram, scale: 0.5}")).identity()).isNotEqualTo(identity);
        assertThat(plan(BASE.replace("steps: 100", "steps: 101")).identity()).isNotEqualTo(identity);
        assertThat(plan(BASE + "metric: position_accuracy\n").identity()).isNotEqualTo(identity);
        assertThat(plan(BASE + "curriculum: {weights: [length-2]}\n").identity()).isNotEqualTo(identity);
    }

    @Test
    void identityIgnoresNameProbesRuntimeAndSweep() {
        String identity = plan(BASE).identity();
        assertThat(plan(BASE.replace("name: base", "name: other")).identity()).isEqualTo(identity);
        assertThat(plan(BASE + "runtime: {threads: 2, device: cpu, output: elsewhere, checkpoint_every: 7}\n").identity())
                .isEqualTo(identity);
        assertThat(plan(BASE + "probes: [{type: result-table}]\n").identity()).isEqualTo(identity);
        assertThat(plan(BASE + "sweep: {grid: {model.scale: [0.1, 0.2]}}\n").identity()).isEqualTo(identity);
    }

    @Test
    void theResolvedConfigReadBackHasTheSameIdentity() {
        RunPlan plan = plan(BASE + "runtime: {threads: 2}\nprobes: [{type: result-table}]\n");
        RunPlan again = planner.plan(ConfigDocument.parse(plan.resolvedYaml(), "config.yaml"));
        assertThat(again.identity()).isEqualTo(plan.identity());
        assertThat(again.resolvedYaml()).isEqualTo(plan.resolvedYaml());
    }

    @Test
    void aRunLengthInEpochsResolvesToEpochsAloneAndReadsBack() {
        RunPlan plan = plan(BASE.replace("training: {steps: 100}", "training: {epochs: 3}"));
        assertThat(plan.resolvedYaml()).contains("epochs: 3").doesNotContain("steps:");
        RunPlan again = planner.plan(ConfigDocument.parse(plan.resolvedYaml(), "config.yaml"));
        assertThat(again.identity()).isEqualTo(plan.identity());
    }

    @Test
    void probesAreCreatedFromTheirSections() {
        assertThat(plan(BASE + "probes: [{type: result-table, figure: parameters}]\n").probes()).hasSize(1);
    }

    @Test
    void anUnknownPluginTypeListsTheNamesWithDidYouMean() {
        assertThat(problems(BASE.replace("type: reverse", "type: revers"))).containsExactly(
                "run.yaml:3:8: task.type: expected one of the task plugins " + names("task")
                        + ", found 'revers' (did you mean 'reverse'?)");
        assertThat(problems(BASE + "probes:\n  - type: result-tabel\n")).containsExactly(
                "run.yaml:7:5: probes[0].type: expected one of the probe plugins " + names("probe")
                        + ", found 'result-tabel' (did you mean 'result-table'?)");
    }

    @Test
    void aMissingTaskIsAProblemAtTheTopOfTheFile() {
        assertThat(problems("model: {type: bigram}\n")).containsExactly(
                "run.yaml:1:1: task.type: expected one of the task plugins " + names("task") + ", found no type");
    }

    @Test
    void aMetricTheTaskDoesNotReportIsAProblem() {
        assertThat(problems(BASE + "metric: accuracy.tran\n")).containsExactly(
                "run.yaml:6:1: metric: expected one of the task's metrics accuracy, position_accuracy, accuracy.train,"
                        + " position_accuracy.train, found 'accuracy.tran' (did you mean 'accuracy.train'?)");
        assertThat(plan(BASE + "metric: accuracy.train\n").metric()).isEqualTo("accuracy.train");
    }

    @Test
    void aTargetIsPartOfTheIdentityAndItsResolvedConfigReadsBack() {
        String withTarget = BASE.replace("training: {steps: 100}", "training: {steps: 100, stop_at: {metric: accuracy.train, value: 0.9}}");
        RunPlan plan = plan(withTarget);
        assertThat(plan.training().stopAt()).contains(new TrainingConfig.StopAt("accuracy.train", 0.9));
        assertThat(plan.identity()).isNotEqualTo(plan(BASE).identity())
                .isNotEqualTo(plan(withTarget.replace("value: 0.9", "value: 0.95")).identity())
                .isNotEqualTo(plan(withTarget.replace("metric: accuracy.train", "metric: accuracy")).identity());
        assertThat(plan.resolvedYaml()).contains("  stop_at:\n    metric: accuracy.train\n    value: 0.9\n");
        RunPlan again = planner.plan(ConfigDocument.parse(plan.resolvedYaml(), "config.yaml"));
        assertThat(again.identity()).isEqualTo(plan.identity());
        assertThat(again.training().stopAt()).isEqualTo(plan.training().stopAt());
        assertThat(plan(BASE).resolvedYaml()).doesNotContain("stop_at");
    }

    @Test
    void aTargetOnAMetricTheTaskDoesNotReportIsAProblemAtItsKey() {
        assertThat(problems(BASE.replace("training: {steps: 100}", "training:\n  stop_at: {metric: acuracy, value: 0.9}")))
                .containsExactly("run.yaml:6:13: training.stop_at.metric: expected one of the metrics every evaluation reports (accuracy,"
                        + " position_accuracy, accuracy.train, position_accuracy.train), found 'acuracy' (did you mean 'accuracy'?)");
    }

    @Test
    void aTargetOnAFinalOnlySetIsAProblemSinceOnlyTheLastEvaluationScoresIt() {
        assertThat(problems("task: {type: addition, eval_size: 20}\nmodel: {type: bigram}\n"
                + "training: {stop_at: {metric: accuracy.adderboard, value: 0.99}}\n")).singleElement().asString()
                .startsWith("run.yaml:3:22: training.stop_at.metric: expected one of the metrics every evaluation reports (accuracy,")
                .endsWith("found 'accuracy.adderboard', which only the run's last evaluation reports (its test set is final-only),"
                        + " so no evaluation before the end could reach it");
    }

    @Test
    void curriculumWeightsAreCheckedAgainstTheTasksComponents() {
        assertThat(problems(BASE + "curriculum:\n  weights: {length-2: 1, length-9: 1}\n")).containsExactly(
                "run.yaml:7:26: curriculum.weights.length-9: expected one of length-2, length-3, length-4, length-5,"
                        + " found 'length-9' (did you mean 'length-2'?)");
        assertThat(problems(BASE + "curriculum: {type: stagd}\n")).containsExactly(
                "run.yaml:6:14: curriculum.type: expected one of the curriculum plugins " + names("curriculum")
                        + ", found 'stagd' (did you mean 'staged'?)");
    }

    @Test
    void nestedCurriculaAreBoundForTheTaskAndTheirProblemsNamedByPath() {
        RunPlan plan = plan(BASE + """
                curriculum:
                  type: staged
                  stages:
                    - curriculum: {weights: [length-2]}
                      until: {accuracy: [length-2], at_least: 0.9, step: 50}
                    - curriculum: {type: linear, from: [length-2], to: [length-5], span: 20}
                """);
        assertThat(plan.curriculum().weights(1)).containsExactly(Map.entry("length-2", 1.0));
        assertThat(problems(BASE + """
                curriculum:
                  type: staged
                  stages:
                    - curriculum: {weights: [length-2]}
                      until: {accuracy: [length-22], at_least: 1.5}
                    - curriculum: {type: linear, from: [length-2], to: [length-5], span: 0}
                """)).containsExactly(
                "run.yaml:10:15: curriculum.stages[0].until.accuracy: expected components of the task (length-2, length-3,"
                        + " length-4, length-5), found 'length-22' (did you mean 'length-2'?)",
                "run.yaml:10:48: curriculum.stages[0].until.at_least: expected a number from 0 to 1, found '1.5'",
                "run.yaml:11:74: curriculum.stages[1].curriculum.span: expected an integer from 1 to 4611686018427387903,"
                        + " found '0'");
    }

    @Test
    void aConfigTheTaskCannotFillIsReportedWithTheOtherProblems() {
        assertThat(problems(BASE.replace("symbols: 5", "symbols: 2").replace("train_size: 60", "train_size: 600")
                + "training: {steps: 0}\n").stream().map(p -> p.replaceAll(":\\d+:\\d+:", ":L:C:")).toList())
                .containsExactly(
                        "run.yaml:L:C: task.train_size: expected at most 16 train and test sequences in all (4 distinct"
                                + " sequences of length 2 per length), found 610; lower train_size/test_size or raise"
                                + " symbols/min_length",
                        "run.yaml:L:C: training: expected each key once, found 'training' again (first at line 5, column 1)");
    }

    @Test
    void everyProblemOfTheFileComesInOnePass() {
        assertThat(problems("""
                seed: -1
                task: {type: reverse, symbols: 99, lenght: 3}
                model: {type: bigram, scale: big}
                training: {steps: 0, eval_evry: 10}
                runtime: {device: tpu}
                extra: 1
                """).stream().map(p -> p.replaceFirst("^(\\S+: \\S+): .*$", "$1")).toList()).containsExactly(
                "run.yaml:1:7: seed", "run.yaml:2:32: task.symbols", "run.yaml:2:36: task.lenght",
                "run.yaml:3:30: model.scale", "run.yaml:4:19: training.steps", "run.yaml:4:22: training.eval_evry",
                "run.yaml:5:19: runtime.device", "run.yaml:6:1: extra");
    }

    @Test
    void aSweepSectionIsAcceptedAsWrittenAndKeptInTheResolvedConfig() {
        RunPlan plan = plan(BASE + "sweep:\n  grid: {model.scale: [0.1, 0.2]}\n");
        assertThat(plan.resolvedYaml()).endsWith("sweep:\n  grid:\n    model.scale: [0.1, 0.2]\n");
    }

    @Test
    void aBindingFromATreeWorksAsFromAFile() {
        ConfigDocument file = ConfigDocument.parse(BASE, "run.yaml");
        RunPlan fromTree = planner.plan(ConfigDocument.of(file.tree(), "sweep point 1"));
        assertThat(fromTree.identity()).isEqualTo(plan(BASE).identity());
    }

    @Test
    void planningWithNoPluginsNamesTheEmptyKinds() {
        RunPlanner bare = new RunPlanner(Map.of(), Map.of(), Map.of(), Map.of());
        assertThatThrownBy(() -> bare.plan(ConfigDocument.parse(BASE, "run.yaml"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("task.type: expected the name of a task plugin, found 'reverse'; no task plugin is installed");
    }

    private static String names(String kind) {
        return String.join(", ", found.all().stream().filter(p -> p.kind().name().equals(kind)).map(p -> p.name()).toList());
    }
}
