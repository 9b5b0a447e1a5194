package org.threshold.assignadd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.threshold.api.task.Component;
import org.threshold.api.task.EvalItem;
import org.threshold.api.task.EvalSet;
import org.threshold.api.task.Example;
import org.threshold.api.task.Task;
import org.threshold.api.task.TaskContext;
import org.threshold.api.task.Vocabulary;

/**
 * SPEC section 8's split, for many seeds and shapes (digits, letters, 0-9A-Z and {@code <k>}
 * elements; few and many variables; wide and narrow splits), checked on the task's tokens by
 * {@link ReferenceEvaluator}, which knows nothing of the generator.
 */
class CompositionalSplitPropertyTest {

    static Stream<Arguments> configs() {
        List<AssignAddConfig> shapes = List.of(
                new AssignAddConfig(10, 6, 2, 3, 0.25, 2_000, 200),
                new AssignAddConfig(7, 3, 2, 3, 0.3, 1_000, 100),
                new AssignAddConfig(26, 4, 2, 4, 0.1, 2_000, 150),
                new AssignAddConfig(30, 8, 3, 5, 0.5, 1_500, 150),
                new AssignAddConfig(41, 5, 2, 2, 0.25, 1_000, 100),
                new AssignAddConfig(3, 2, 2, 2, 0.34, 6, 4));
        return shapes.stream().flatMap(c -> Stream.of(1L, 2L, 3L, 17L, 12_345L).map(seed -> Arguments.of(c, seed)));
    }

    private record Checked(ReferenceEvaluator evaluator, Vocabulary vocabulary, AssignAddConfig config) {

        ReferenceEvaluator.Reading example(Example e) {
            String text = vocabulary.render(e.tokens());
            assertThat(text).as("a training line").doesNotContain("\t");
            ReferenceEvaluator.Reading r = evaluator.read(text);
            assertThat(r.written()).as("the answer of %s", text).isEqualTo(r.answer());
            assertThat(vocabulary.render(java.util.Arrays.copyOf(e.tokens(), e.completionStart()))).as("the prompt of %s", text)
                    .endsWith("=");
            return r;
        }

        ReferenceEvaluator.Reading item(EvalItem item) {
            String prompt = vocabulary.render(item.prompt());
            ReferenceEvaluator.Reading bare = evaluator.read(prompt);
            ReferenceEvaluator.Reading r = evaluator.read(prompt + vocabulary.render(item.expected()));
            assertThat(r.written()).as("the expected answer of %s", prompt).isEqualTo(bare.answer());
            return r;
        }

        boolean heldOut(char variable, int value) {
            return ReferenceEvaluator.heldOut(variable, value, config.modulus(), config.heldOut());
        }

        boolean bindsHeldOutPair(ReferenceEvaluator.Reading r) {
            return r.bound().entrySet().stream().anyMatch(e -> heldOut(e.getKey(), e.getValue()));
        }

        boolean readsHeldOutPair(ReferenceEvaluator.Reading r) {
            return r.reads().stream().anyMatch(v -> heldOut(v, r.bound().get(v)));
        }
    }

    private static EvalSet set(Task task, String name) {
        return task.evalSets().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("configs")
    void theSplitHoldsOnEveryExampleAndPrompt(AssignAddConfig config, long seed) {
        Task task = new AssignAddProvider().create(config, new TaskContext(seed));
        Checked c = new Checked(new ReferenceEvaluator(config.modulus()), task.vocabulary(), config);
        int n = config.modulus();

        Set<String> trainingPrompts = new HashSet<>();
        Map<Character, Set<Integer>> valuesOfVariable = new HashMap<>();
        Map<Integer, Set<Character>> variablesOfValue = new HashMap<>();
        for (Component component : task.components()) {
            for (int i = 0; i < component.data().size(); i++) {
                Example e = component.data().example(0, i);
                ReferenceEvaluator.Reading r = c.example(e);
                assertThat(c.bindsHeldOutPair(r)).as("training example %s of %s binds a held-out (variable, value) pair",
                        task.vocabulary().render(e.tokens()), component.name()).isFalse();
                r.bound().forEach((v, x) -> {
                    valuesOfVariable.computeIfAbsent(v, k -> new HashSet<>()).add(x);
                    variablesOfValue.computeIfAbsent(x, k -> new HashSet<>()).add(v);
                });
                assertKind(component.name(), r, config);
                trainingPrompts.add(task.vocabulary().render(java.util.Arrays.copyOf(e.tokens(), e.completionStart())));
            }
        }
        assertThat(valuesOfVariable).as("every variable is bound in training").hasSize(config.variables());
        for (int x = 0; x < n; x++) {
            assertThat(variablesOfValue.get(x)).as("value %d is bound to some variable in training", x).isNotEmpty();
        }
        assertThat(task.components().get(0).data().size()).as("direct trains on all n² sums").isEqualTo(n * n);

        for (EvalSet set : task.evalSets()) {
            for (EvalItem item : set.items()) {
                ReferenceEvaluator.Reading r = c.item(item);
                String prompt = task.vocabulary().render(item.prompt());
                switch (set.name()) {
                    case "routed.held_out", "lookup.held_out" -> {
                        assertThat(c.readsHeldOutPair(r)).as("%s prompt %s reads a held-out pair", set.name(), prompt).isTrue();
                        assertKind(set.name().replace(".held_out", ""), r, config);
                    }
                    case "lookup", "routed", "chain" -> {
                        assertThat(c.bindsHeldOutPair(r)).as("in-distribution prompt %s", prompt).isFalse();
                        assertThat(trainingPrompts).as("the %s test set holds no training example", set.name())
                                .doesNotContain(prompt);
                        assertKind(set.name(), r, config);
                    }
                    case "direct" -> assertThat(trainingPrompts).as("training holds every direct prompt").contains(prompt);
                    default -> assertThat(set.name()).as("the headline set").isEmpty();
                }
            }
        }
        Set<String> direct = new HashSet<>();
        set(task, "direct").items().forEach(i -> direct.add(task.vocabulary().render(i.prompt())));
        assertThat(direct).as("direct's test set is all n² prompts").hasSize(n * n);
        for (String name : List.of("lookup", "routed", "chain", "routed.held_out", "lookup.held_out")) {
            Set<String> prompts = new HashSet<>();
            set(task, name).items().forEach(i -> prompts.add(task.vocabulary().render(i.prompt())));
            assertThat(prompts).as("the %s set's prompts are distinct", name).hasSize(config.evalSize());
        }
    }

    /** The shape of each kind: what it binds and what its query reads. */
    private static void assertKind(String kind, ReferenceEvaluator.Reading r, AssignAddConfig config) {
        switch (kind) {
            case "direct" -> {
                assertThat(r.bound()).isEmpty();
                assertThat(r.operands()).isEqualTo(2);
            }
            case "lookup" -> {
                assertThat(r.bound().size()).isBetween(config.minBindings(), config.maxBindings());
                assertThat(r.chained()).isEmpty();
                assertThat(r.operands()).isEqualTo(1);
                assertThat(r.reads()).hasSize(1);
            }
            case "routed" -> {
                assertThat(r.bound().size()).isBetween(config.minBindings(), config.maxBindings());
                assertThat(r.chained()).isEmpty();
                assertThat(r.operands()).isEqualTo(2);
                assertThat(r.reads()).isNotEmpty();
            }
            case "chain" -> {
                assertThat(r.bound().size()).isBetween(config.minBindings(), config.maxBindings());
                assertThat(r.chained()).hasSize(1);
                assertThat(r.operands()).isEqualTo(2);
                assertThat(r.reads()).containsAll(r.chained());
            }
            default -> throw new AssertionError("no kind " + kind);
        }
    }
}
