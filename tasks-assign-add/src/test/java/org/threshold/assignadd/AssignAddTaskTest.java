package org.threshold.assignadd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.threshold.api.task.EvalItem;
import org.threshold.api.task.EvalSet;
import org.threshold.api.task.Phase;
import org.threshold.api.task.SumPrompts;
import org.threshold.api.task.Task;
import org.threshold.api.task.TaskContext;
import org.threshold.api.task.TaskProvider;
import org.threshold.api.task.Vocabulary;

/** The text form, the sets and their order, the phases and the headline, as SPEC section 8 and the README give them. */
class AssignAddTaskTest {

    private static final AssignAddConfig SMALL = AssignAddConfig.defaults().withSizes(2_000, 100);

    @ParameterizedTest
    @ValueSource(strings = {"com.google.inject.Guice", "ai.djl.ndarray.NDArray", "picocli.CommandLine"})
    void neitherGuiceNorDjlNorTheCliIsOnTheClassPath(String className) {
        assertThatThrownBy(() -> Class.forName(className, false, getClass().getClassLoader()))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void theProviderIsFoundByServiceLoader() {
        List<String> names = new ArrayList<>();
        for (TaskProvider<?> p : ServiceLoader.load(TaskProvider.class)) {
            names.add(p.name());
        }
        assertThat(names).containsExactly("assign-add");
    }

    @Test
    void everyQueryKindIsWrittenAsSpecSection8Writes() {
        AssignAddNotation notation = new AssignAddNotation(10, 6);
        Vocabulary v = notation.vocabulary();
        Program direct = new Program(QueryKind.DIRECT, List.of(), List.of(Operand.element(3), Operand.element(5)));
        Program lookup = new Program(QueryKind.LOOKUP, List.of(Binding.toValue(0, 3), Binding.toValue(1, 5)),
                List.of(Operand.variable(1)));
        Program routed = new Program(QueryKind.ROUTED, List.of(Binding.toValue(0, 3), Binding.toValue(1, 5)),
                List.of(Operand.variable(0), Operand.variable(1)));
        Program routedElement = new Program(QueryKind.ROUTED, List.of(Binding.toValue(0, 3), Binding.toValue(1, 5)),
                List.of(Operand.variable(0), Operand.element(5)));
        Program chain = new Program(QueryKind.CHAIN, List.of(Binding.toValue(0, 3), Binding.toVariable(1, 0)),
                List.of(Operand.variable(1), Operand.element(5)));
        assertThat(v.render(notation.example(direct).tokens())).isEqualTo("s3+5=8e");
        assertThat(v.render(notation.example(lookup).tokens())).isEqualTo("sa=3,b=5;b=5e");
        assertThat(v.render(notation.example(routed).tokens())).isEqualTo("sa=3,b=5;a+b=8e");
        assertThat(v.render(notation.example(routedElement).tokens())).isEqualTo("sa=3,b=5;a+5=8e");
        assertThat(v.render(notation.example(chain).tokens())).isEqualTo("sa=3,b=a;b+5=8e");
        assertThat(notation.example(chain).completionStart()).as("the answer follows the last =").isEqualTo(13);
        assertThat(new Program(QueryKind.ROUTED, List.of(Binding.toValue(3, 9), Binding.toValue(4, 7)),
                List.of(Operand.variable(4), Operand.variable(3))).answer(10)).as("f + d = 7 + 9 mod 10").isEqualTo(6);
    }

    @Test
    void theVocabularyIsElementsThenVariablesThenSignsAndPadding() {
        assertThat(new AssignAddNotation(10, 6).vocabulary().tokens()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7",
                "8", "9", "a", "b", "c", "d", "f", "g", "s", "e", "=", "+", ",", ";", "<pad>");
        assertThat(new AssignAddNotation(12, 2).vocabulary().tokens()).startsWith("A", "B").contains("L", "a", "b")
                .doesNotContain("M");
        assertThat(new AssignAddNotation(50, 24).vocabulary().tokens()).contains("<0>", "<49>", "z").doesNotContain("s0");
        assertThat(AssignAddNotation.VARIABLE_LETTERS).hasSize(24).doesNotContain("s", "e");
    }

    @Test
    void aProgramRefusesWhatSpecSection8DoesNotWrite() {
        assertThatThrownBy(() -> new Program(QueryKind.CHAIN, List.of(Binding.toVariable(1, 0), Binding.toValue(0, 3)),
                List.of(Operand.variable(1), Operand.element(5)))).hasMessageContaining("not bound before it");
        assertThatThrownBy(() -> new Program(QueryKind.CHAIN, List.of(Binding.toValue(0, 3), Binding.toVariable(1, 0),
                Binding.toVariable(2, 1)), List.of(Operand.variable(2), Operand.element(5)))).hasMessageContaining("two hops");
        assertThatThrownBy(() -> new Program(QueryKind.LOOKUP, List.of(Binding.toValue(0, 3)), List.of(Operand.variable(1))))
                .hasMessageContaining("not bound");
    }

    @Test
    void theSetsComeInTheReadmesOrderWithTheHeadlineFirst() {
        Task task = new AssignAddProvider().create(SMALL, new TaskContext(7));
        assertThat(task.evalSets()).extracting(EvalSet::name).containsExactly("", "direct", "lookup", "routed", "chain",
                "routed.held_out", "lookup.held_out");
        assertThat(task.evalSets()).allSatisfy(s -> assertThat(s.finalOnly()).isFalse());
        assertThat(task.evalSets().get(1).items()).hasSize(100);
        assertThat(task.evalSets().get(0).items()).as("eval_size prompts, every set in turn").hasSize(100);
        List<EvalItem> headline = task.evalSets().get(0).items();
        for (int s = 1; s <= 6; s++) {
            assertThat(headline.get(s - 1).prompt()).as("headline prompt %d is the first of set %d", s - 1, s)
                    .isEqualTo(task.evalSets().get(s).items().get(0).prompt());
        }
        assertThat(task.components()).extracting(c -> c.name() + " " + c.weight() + " " + c.data().size())
                .containsExactly("direct 1.0 100", "lookup 1.0 2000", "routed 1.0 2000", "chain 1.0 2000");
        assertThat(task.contextLength()).as("s, three bindings of four tokens, a+b=, answer, e").isEqualTo(19);
        assertThat(task.headlineMetric()).isEqualTo("accuracy.routed.held_out");
        assertThat(task.completionLossByDefault()).isTrue();
    }

    @Test
    void eachNamedSetHasAPhaseAtAccuracyNinety() {
        Task task = new AssignAddProvider().create(SMALL, new TaskContext(7));
        assertThat(task.phases()).extracting(Phase::name).containsExactly("phase.direct", "phase.lookup", "phase.routed",
                "phase.chain", "phase.routed.held_out", "phase.lookup.held_out");
        assertThat(task.phases()).allSatisfy(p -> {
            assertThat(p.level()).isEqualTo(0.9);
            assertThat(p.metric()).isEqualTo("accuracy." + p.name().substring("phase.".length()));
        });
    }

    @Test
    void bothRoutedFormsAreTrainedAndTested() {
        Task task = new AssignAddProvider().create(SMALL, new TaskContext(3));
        Vocabulary v = task.vocabulary();
        List<String> routed = new ArrayList<>();
        for (int i = 0; i < task.components().get(2).data().size(); i++) {
            routed.add(v.render(task.components().get(2).data().example(0, i).tokens()));
        }
        long twoVariables = routed.stream().filter(t -> t.matches("s.*;[a-z]\\+[a-z]=.e")).count();
        long variableAndElement = routed.stream().filter(t -> t.matches("s.*;[a-z]\\+[0-9]=.e")).count();
        assertThat(twoVariables + variableAndElement).isEqualTo(routed.size());
        assertThat(twoVariables).isBetween(800L, 1200L);
        assertThat(task.evalSets().get(5).items()).anySatisfy(i -> assertThat(v.render(i.prompt())).matches("s.*;[a-z]\\+[0-9]="))
                .anySatisfy(i -> assertThat(v.render(i.prompt())).matches("s.*;[a-z]\\+[a-z]="));
    }

    @Test
    void scoresReadTheAnswerTokenAndTheWholeCompletion() {
        Task task = new AssignAddProvider().create(SMALL, new TaskContext(3));
        EvalItem item = task.evalSets().get(3).items().get(0);
        int answer = item.expected()[0];
        int wrong = (answer + 1) % 10;
        int end = item.expected()[1];
        assertThat(task.scorer().score(item, new int[] {answer, end})).isEqualTo(Map.of("accuracy", 1.0, "exact_match", 1.0));
        assertThat(task.scorer().score(item, new int[] {answer, answer})).isEqualTo(Map.of("accuracy", 1.0, "exact_match", 0.0));
        assertThat(task.scorer().score(item, new int[] {wrong, end})).isEqualTo(Map.of("accuracy", 0.0, "exact_match", 0.0));
        assertThat(task.scorer().score(item, new int[0])).isEqualTo(Map.of("accuracy", 0.0, "exact_match", 0.0));
    }

    @Test
    void chanceIsTheShareOfEachSetsMostFrequentAnswer() {
        Task task = new AssignAddProvider().create(SMALL, new TaskContext(3));
        assertThat(task.figures()).containsKeys("chance", "chance.direct", "chance.routed.held_out");
        assertThat(task.figures().get("chance.direct")).as("every sum mod 10 ten times in 100").isEqualTo(0.1);
        assertThat(task.figures().values()).allSatisfy(c -> assertThat(c).isBetween(0.1, 0.5));
    }

    @Test
    void theSplitFollowsSpecSection8sFormula() {
        CompositionalSplit split = new CompositionalSplit(10, 6, 0.25);
        assertThat(split.perVariable()).isEqualTo(2);
        assertThat(split.heldOutValues(0)).containsExactly(0, 1);
        assertThat(split.heldOutValues(1)).containsExactly(2, 3);
        assertThat(split.heldOutValues(4)).containsExactly(8, 9);
        assertThat(split.heldOutValues(5)).as("(5·2 + j) mod 10").containsExactly(0, 1);
        assertThat(split.trainingValues(2)).containsExactly(0, 1, 2, 3, 6, 7, 8, 9);
        assertThat(CompositionalSplit.perVariable(10, 0)).as("m is at least 1").isEqualTo(1);
        assertThat(CompositionalSplit.perVariable(100, 0.29)).as("0.29·100 in binary is 28.999…").isEqualTo(29);
        assertThat(CompositionalSplit.perVariable(7, 0.3)).isEqualTo(2);
        assertThat(split.problem()).isEmpty();
    }
    @Test
    void sumPromptsAskOneSumDirectlyAndThroughTwoVariablesFreeToHoldItsOperandsInTraining() {
        Task task = new AssignAddProvider().create(SMALL, new TaskContext(1));
        SumPrompts sums = task.sumPrompts().orElseThrow();
        Vocabulary v = task.vocabulary();
        assertThat(sums.modulus()).isEqualTo(10);
        assertThat(v.render(sums.direct(3, 5))).isEqualTo("s3+5=");
        assertThat(v.render(sums.routed(3, 5))).as("a holds out 0 and 1, b 2 and 3").isEqualTo("sa=3,b=5;a+b=");
        assertThat(v.render(sums.routed(0, 2))).as("a may not hold 0, so b does, then a holds 2").isEqualTo("sb=0,a=2;b+a=");
        assertThat(v.render(sums.routed(4, 3))).as("b may not hold 3, so a and c do").isEqualTo("sa=4,c=3;a+c=");
        assertThat(sums.elementId(7)).isEqualTo(v.id("7"));
        CompositionalSplit split = new CompositionalSplit(10, 6, 0.25);
        for (int x = 0; x < 10; x++) {
            for (int y = 0; y < 10; y++) {
                String routed = v.render(sums.routed(x, y));
                assertThat(routed).hasSize(13).endsWith("=");
                int u = AssignAddNotation.VARIABLE_LETTERS.indexOf(routed.charAt(1));
                int w = AssignAddNotation.VARIABLE_LETTERS.indexOf(routed.charAt(5));
                assertThat(split.isHeldOut(u, x) || split.isHeldOut(w, y)).as(routed).isFalse();
                assertThat(routed.substring(9)).isEqualTo(routed.charAt(1) + "+" + routed.charAt(5) + "=");
            }
        }
        assertThatThrownBy(() -> sums.direct(10, 0)).hasMessageContaining("element 10 is outside 0..9");
    }
}
