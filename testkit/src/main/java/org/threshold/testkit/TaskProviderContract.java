package org.threshold.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threshold.api.Plugin;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.task.Component;
import org.threshold.api.task.EvalItem;
import org.threshold.api.task.EvalSet;
import org.threshold.api.task.Example;
import org.threshold.api.task.OperationTable;
import org.threshold.api.task.OperationTables;
import org.threshold.api.task.Task;
import org.threshold.api.task.TaskContext;
import org.threshold.api.task.TaskProvider;

/**
 * The contract every {@link TaskProvider} passes. Extend it in a test of your plugin:
 *
 * <pre>{@code
 * class MyTaskContractTest extends TaskProviderContract<MyConfig> {
 *     protected TaskProvider<MyConfig> provider() { return new MyTaskProvider(); }
 *     protected String config() { return "size: 5\ntrain_size: 200"; }
 * }
 * }</pre>
 *
 * @param <C> the task's config record
 */
public abstract class TaskProviderContract<C> extends PluginContract<C> {

    private Task task;

    protected abstract TaskProvider<C> provider();

    /** The data seed the contract creates the task with. */
    protected long seed() {
        return 1;
    }

    /** How many examples of each component are checked (all of them up to this many). */
    protected int examplesChecked() {
        return 2_000;
    }

    @Override
    protected final Plugin plugin() {
        return provider();
    }

    @Override
    protected final C bind(ConfigSection section) {
        return provider().config(section);
    }

    /** The task the snippet describes, created once. */
    protected final Task task() {
        if (task == null) {
            task = provider().create(boundConfig(), new TaskContext(seed()));
        }
        return task;
    }

    @Test
    void sameConfigAndSeedGiveTheSameData() {
        Task again = provider().create(boundConfig(), new TaskContext(seed()));
        Task first = task();
        assertThat(again.vocabulary()).isEqualTo(first.vocabulary());
        assertThat(again.contextLength()).isEqualTo(first.contextLength());
        assertThat(again.components()).hasSameSizeAs(first.components());
        for (int c = 0; c < first.components().size(); c++) {
            Component a = first.components().get(c);
            Component b = again.components().get(c);
            assertThat(b.name()).isEqualTo(a.name());
            assertThat(b.weight()).isEqualTo(a.weight());
            assertThat(b.data().size()).as("size of component %s", a.name()).isEqualTo(a.data().size());
            for (int epoch = 0; epoch < 2; epoch++) {
                for (int i = 0; i < checked(a); i++) {
                    Example x = a.data().example(epoch, i);
                    Example y = b.data().example(epoch, i);
                    assertThat(y.tokens()).as("component %s epoch %d example %d", a.name(), epoch, i).isEqualTo(x.tokens());
                    assertThat(y.completionStart()).isEqualTo(x.completionStart());
                }
            }
        }
        assertThat(again.evalSets()).hasSameSizeAs(first.evalSets());
        for (int s = 0; s < first.evalSets().size(); s++) {
            EvalSet a = first.evalSets().get(s);
            EvalSet b = again.evalSets().get(s);
            assertThat(b.name()).isEqualTo(a.name());
            assertThat(b.finalOnly()).as("whether eval set '%s' is final-only", a.name()).isEqualTo(a.finalOnly());
            assertThat(b.items()).hasSameSizeAs(a.items());
            for (int i = 0; i < a.items().size(); i++) {
                assertThat(b.items().get(i).prompt()).as("eval set '%s' prompt %d", a.name(), i).isEqualTo(a.items().get(i).prompt());
                assertThat(b.items().get(i).expected()).isEqualTo(a.items().get(i).expected());
                assertThat(b.items().get(i).maxNewTokens()).isEqualTo(a.items().get(i).maxNewTokens());
            }
        }
        assertThat(again.describe()).isEqualTo(first.describe());
    }

    @Test
    void vocabularyCoversEveryExampleAndPromptAndPaddingIsNotData() {
        Task t = task();
        int size = t.vocabulary().size();
        int pad = t.vocabulary().pad();
        for (Component c : t.components()) {
            for (int i = 0; i < checked(c); i++) {
                assertTokens(c.data().example(0, i).tokens(), size, pad, "component " + c.name() + " example " + i);
            }
        }
        for (EvalSet set : t.evalSets()) {
            for (EvalItem item : set.items()) {
                assertTokens(item.prompt(), size, pad, "a prompt of eval set '" + set.name() + "'");
                assertTokens(item.expected(), size, pad, "an expected completion of eval set '" + set.name() + "'");
            }
        }
    }

    @Test
    void everyExampleAndPromptFitsTheContext() {
        Task t = task();
        assertThat(t.contextLength()).isGreaterThanOrEqualTo(2);
        for (Component c : t.components()) {
            for (int i = 0; i < checked(c); i++) {
                assertThat(c.data().example(0, i).length()).as("component %s example %d", c.name(), i)
                        .isLessThanOrEqualTo(t.contextLength());
            }
        }
        for (EvalSet set : t.evalSets()) {
            for (EvalItem item : set.items()) {
                assertThat(item.prompt().length).as("a prompt of eval set '%s'", set.name())
                        .isLessThanOrEqualTo(t.contextLength());
                assertThat(item.expected().length).as("an expected completion must fit the generation limit")
                        .isBetween(1, item.maxNewTokens());
            }
        }
    }

    @Test
    void scorerGivesFullMarksToEveryExpectedCompletion() {
        Task t = task();
        List<String> metrics = t.scorer().metrics();
        assertThat(metrics).isNotEmpty().doesNotHaveDuplicates();
        for (EvalSet set : t.evalSets()) {
            for (EvalItem item : set.items()) {
                Map<String, Double> scores = t.scorer().score(item, item.expected().clone());
                assertThat(scores.keySet()).as("the scorer's metrics").containsExactlyInAnyOrderElementsOf(metrics);
                assertThat(scores.values()).as("scores of the expected completion in eval set '%s'", set.name())
                        .allSatisfy(v -> assertThat(v).isEqualTo(1.0));
            }
        }
    }

    @Test
    void firstEvalSetIsTheHeadlineAndSetNamesAreUnique() {
        List<EvalSet> sets = task().evalSets();
        assertThat(sets).isNotEmpty();
        assertThat(sets.get(0).name()).as("the headline set's name").isEmpty();
        assertThat(sets.get(0).items()).as("the headline set's prompts").isNotEmpty();
        assertThat(sets.stream().map(EvalSet::name).toList()).doesNotHaveDuplicates();
    }

    @Test
    void componentsAreNamedHaveDataAndAtLeastOnePositiveWeight() {
        List<Component> components = task().components();
        assertThat(components).isNotEmpty();
        Set<String> names = new HashSet<>();
        for (Component c : components) {
            assertThat(names.add(c.name())).as("component names are unique: %s", c.name()).isTrue();
            assertThat(c.data().size()).as("examples of component %s", c.name()).isPositive();
        }
        assertThat(components).anySatisfy(c -> assertThat(c.weight()).isPositive());
    }

    @Test
    void headlineMetricIsOneOfTheTasksMetrics() {
        Task t = task();
        List<String> names = t.evalSets().stream()
                .flatMap(set -> t.scorer().metrics().stream().map(set::metricName)).toList();
        assertThat(names).contains(t.headlineMetric());
    }

    @Test
    void stopTokenIsInTheVocabularyAndEndsEveryExpectedCompletion() {
        Task t = task();
        t.stopToken().ifPresent(stop -> {
            assertThat(stop).isBetween(0, t.vocabulary().size() - 1);
            for (EvalSet set : t.evalSets()) {
                for (EvalItem item : set.items()) {
                    assertThat(item.expected()[item.expected().length - 1]).as("last expected token in eval set '%s'", set.name())
                            .isEqualTo(stop);
                }
            }
        });
    }

    @Test
    void descriptionOfTheConfiguredTaskIsOneLine() {
        assertThat(task().describe()).isNotBlank().doesNotContain("\n");
    }

    @Test
    void operationTablesWhenOfferedAreTheSameForTheSameConfigAndNameDistinctOperators() {
        for (boolean every : new boolean[] {false, true}) {
            Optional<OperationTables> tables = provider().operationTables(boundConfig(), every);
            assertThat(provider().operationTables(boundConfig(), every)).as("the tables again").isEqualTo(tables);
            tables.ifPresent(t -> {
                assertThat(t.tables()).extracting(OperationTable::operator).doesNotHaveDuplicates();
                assertThat(t.algebra()).as("the algebra's name in the titles").isNotBlank();
            });
        }
        Optional<OperationTables> configured = provider().operationTables(boundConfig(), false);
        Optional<OperationTables> every = provider().operationTables(boundConfig(), true);
        assertThat(every.isPresent()).as("every operator's tables exactly when the configured ones").isEqualTo(configured.isPresent());
        configured.ifPresent(c -> assertThat(every.orElseThrow().tables()).as("every operator includes the configured ones")
                .containsAll(c.tables()));
    }

    private static void assertTokens(int[] ids, int size, int pad, String what) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= size) {
                throw new AssertionError(what + ": token id " + ids[i] + " at position " + i + " is outside the vocabulary 0.."
                        + (size - 1));
            }
            if (ids[i] == pad) {
                throw new AssertionError(what + ": the padding token at position " + i + " (padding only fills batches)");
            }
        }
    }

    private int checked(Component c) {
        return Math.min(c.data().size(), examplesChecked());
    }
}
