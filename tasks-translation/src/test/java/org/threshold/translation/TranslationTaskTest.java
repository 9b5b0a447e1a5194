package org.threshold.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threshold.api.task.Component;
import org.threshold.api.task.EvalItem;
import org.threshold.api.task.EvalSet;
import org.threshold.api.task.TrainingSet;

class TranslationTaskTest {

    /** Section 3.1.3 (the defaults). */
    private static final TranslationConfig TRIANGLE = TranslationConfig.defaults();
    /** Table 1. */
    private static final TranslationConfig TABLE_1 = TranslationConfig.of(12, List.of(new Edge("A", "B", 5000),
            new Edge("A", "C", 4000), new Edge("A", "D", 4500), new Edge("D", "B", 100), new Edge("D", "C", 200),
            new Edge("B", "C", 300)));

    private final TranslationTask triangle = new TranslationTask(TRIANGLE, 1);

    @Test
    void everyTokenIdIsInRangeAndNoneIsPadding() {
        for (TranslationTask task : List.of(triangle, new TranslationTask(TABLE_1, 2))) {
            int vocabulary = task.vocabulary().size();
            int pad = task.vocabulary().pad();
            for (Component c : task.components()) {
                for (int epoch = 0; epoch < 2; epoch++) {
                    for (int i = 0; i < c.data().size(); i++) {
                        int[] tokens = c.data().example(epoch, i).tokens();
                        // plain checks: per-token assertions over every window would dominate the suite's time
                        if (Arrays.stream(tokens).anyMatch(t -> t < 0 || t >= vocabulary || t == pad)) {
                            throw new AssertionError("window " + i + " of epoch " + epoch + " has a token outside 0.."
                                    + (vocabulary - 1) + " or padding: " + Arrays.toString(tokens));
                        }
                    }
                }
            }
            for (EvalSet set : task.evalSets()) {
                for (EvalItem item : set.items()) {
                    assertThat(Arrays.stream(item.prompt()).boxed()).allSatisfy(t -> assertThat(t).isBetween(0, vocabulary - 1).isNotEqualTo(pad));
                    assertThat(Arrays.stream(item.expected()).boxed()).allSatisfy(t -> assertThat(t).isBetween(0, vocabulary - 1).isNotEqualTo(pad));
                }
            }
        }
    }

    @Test
    void vocabularyIsPadDotBarAndEveryLanguagesTokens() {
        assertThat(triangle.vocabulary().size()).isEqualTo(3 + 3 * 8);
        assertThat(triangle.vocabulary().tokens()).startsWith("<pad>", ".", "|", "a0", "a1").contains("c7");
        assertThat(new TranslationTask(TABLE_1, 1).vocabulary().size()).isEqualTo(3 + 4 * 12);
        assertThat(triangle.vocabulary().separator()).isEqualTo(" ");
    }

    @Test
    void promptsEndWithTheQueryAndADotAndFitTheContextWithTheirAnswer() {
        int length = TRIANGLE.sentenceLength();
        for (EvalSet set : triangle.evalSets()) {
            assertThat(set.items()).hasSize(100);
            for (EvalItem item : set.items()) {
                int[] p = item.prompt();
                assertThat(p[p.length - 1]).isEqualTo(triangle.layout().dot());
                assertThat(p.length + item.maxNewTokens()).isEqualTo(triangle.contextLength());
                assertThat(item.maxNewTokens()).isEqualTo(length);
                assertThat(item.expected()).hasSize(length);
            }
        }
        EvalItem first = triangle.evalSets().get(0).items().get(0);
        // 18 tokens: the last 3 of one instance, one whole instance, the query and '.'
        assertThat(triangle.vocabulary().render(first.prompt())).matches("(\\S+ ){2}\\| ([a-c]\\d ){4}\\. ([a-c]\\d ){4}\\| ([a-c]\\d ){4}\\.");
    }

    @Test
    void theAnswerIsTheQuerysTranslationAndTheSolvedInstancesAreCorrectAndOfTheSameEdge() {
        TranslationTask task = new TranslationTask(TRIANGLE.withContext(80), 3); // room for all 6 solved instances
        for (Edge edge : TRIANGLE.edges()) {
            Mapping mapping = task.family().mapping(edge.from(), edge.to());
            EvalSet set = task.evalSets().stream().filter(s -> s.name().equals(edge.name())).findFirst().orElseThrow();
            long[] test = task.split(edge.name()).test();
            for (int q = 0; q < test.length; q++) {
                EvalItem item = set.items().get(q);
                int[] query = task.sentences().sentence(test[q]);
                int[] p = item.prompt();
                assertThat(Arrays.copyOfRange(p, p.length - 5, p.length - 1)).containsExactly(task.layout().ids(edge.from(), query));
                assertThat(item.expected()).containsExactly(task.layout().ids(edge.to(), mapping.translate(query)));
                assertThat(p).hasSize(6 * 10 + 5);
                for (int d = 0; d < 6; d++) {
                    int[] instance = Arrays.copyOfRange(p, d * 10, d * 10 + 10);
                    int[] source = decode(task, edge.from(), Arrays.copyOfRange(instance, 0, 4));
                    assertThat(source).isNotEqualTo(query);
                    assertThat(instance).containsExactly(task.layout().instance(mapping, source));
                }
            }
        }
    }

    @Test
    void noTestSentenceOfAnEdgeIsInThatEdgesTrainingBlock() {
        TranslationTask task = new TranslationTask(TABLE_1, 5);
        for (Edge edge : TABLE_1.edges()) {
            Set<Long> test = new HashSet<>();
            for (long t : task.split(edge.name()).test()) {
                test.add(t);
            }
            int[] block = task.block(edge.name());
            assertThat(block).hasSize(edge.samples() * 10);
            for (int i = 0; i < block.length; i += 10) {
                int[] source = decode(task, edge.from(), Arrays.copyOfRange(block, i, i + 4));
                assertThat(test).doesNotContain(task.sentences().index(source));
                assertThat(Arrays.copyOfRange(block, i, i + 10))
                        .containsExactly(task.layout().instance(task.family().mapping(edge.from(), edge.to()), source));
            }
        }
    }

    @Test
    void theStreamIsOneBlockPerEdgeInConfigOrder() {
        TranslationTask task = new TranslationTask(TRIANGLE.withRecut(false), 1);
        assertThat(task.components()).extracting(Component::name).containsExactly("stream");
        TrainingSet windows = task.components().get(0).data();
        List<Integer> read = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            for (int t : windows.example(0, i).tokens()) {
                read.add(t);
            }
        }
        List<Integer> expected = new ArrayList<>();
        for (String edge : List.of("A->B", "B->C", "A->C")) {
            for (int t : task.block(edge)) {
                expected.add(t);
            }
        }
        assertThat(expected).hasSize(5050 * 10);
        assertThat(windows.size()).isEqualTo((50_500 + 21) / 22);
        assertThat(read.subList(0, expected.size())).isEqualTo(expected);
        // the last window wraps round to the stream's start
        assertThat(read.subList(expected.size(), read.size())).isEqualTo(expected.subList(0, read.size() - expected.size()));
    }

    @Test
    void perEdgeComponentsAreWeightedByTheirShareOfTheStream() {
        TranslationTask task = new TranslationTask(TRIANGLE.withComponents(ComponentLayout.EDGES), 1);
        assertThat(task.components()).extracting(Component::name).containsExactly("A->B", "B->C", "A->C");
        assertThat(task.components()).extracting(Component::weight)
                .containsExactly(2500.0 / 5050, 2500.0 / 5050, 50.0 / 5050);
        assertThat(task.components().get(2).data().size()).isEqualTo((500 + 21) / 22);
        TranslationTask none = new TranslationTask(TRIANGLE.withEdges(List.of(new Edge("A", "B", 2500),
                new Edge("B", "C", 2500), new Edge("A", "C", 0))).withComponents(ComponentLayout.EDGES), 1);
        assertThat(none.components()).extracting(Component::name).containsExactly("A->B", "B->C");
    }

    @Test
    void oneTestSetPerEdgeAndTheHeadlineIsTheSparsestEdge() {
        assertThat(triangle.evalSets()).extracting(EvalSet::name).containsExactly("", "A->B", "B->C", "A->C");
        assertThat(triangle.evalSets().get(0).items()).isEqualTo(triangle.evalSets().get(3).items());
        assertThat(triangle.headlineMetric()).isEqualTo("score");
        assertThat(triangle.evalSets().get(3).metricName("score")).isEqualTo("score.A->C");

        TranslationTask table1 = new TranslationTask(TABLE_1, 1);
        assertThat(table1.evalSets().get(0).items()).isEqualTo(table1.evalSets().get(4).items());
        assertThat(table1.evalSets().get(4).name()).isEqualTo("D->B");

        TranslationTask chosen = new TranslationTask(TABLE_1.withHeadlineEdge("B -> C"), 1);
        assertThat(chosen.evalSets().get(0).items()).isEqualTo(chosen.evalSets().get(6).items());
        assertThat(chosen.describe()).contains("headline B->C");
    }

    @Test
    void anEdgeWithoutTrainingSamplesIsStillTestedWithCorrectSolvedInstances() {
        TranslationConfig noAc = TRIANGLE.withEdges(List.of(new Edge("A", "B", 2500), new Edge("B", "C", 2500),
                new Edge("A", "C", 0)));
        TranslationTask task = new TranslationTask(noAc, 1);
        assertThat(task.block("A->C")).isEmpty();
        assertThat(task.evalSets().get(0).name()).isEmpty();
        assertThat(task.evalSets().get(0).items()).hasSize(100);
        assertThat(task.figures()).containsEntry("baseline.A->C", 0.0).containsEntry("training_sentences.A->C", 0.0);
        EvalItem item = task.evalSets().get(0).items().get(0);
        Mapping ac = task.family().mapping("A", "C");
        int[] whole = Arrays.copyOfRange(item.prompt(), 3, 13); // the one whole instance of the 18-token prompt
        int[] source = decode(task, "A", Arrays.copyOfRange(whole, 0, 4));
        assertThat(whole).containsExactly(task.layout().instance(ac, source));
    }

    @Test
    void figuresGiveBaselinesBoundsAndChanceBesideEveryEdge() {
        assertThat(triangle.figures()).containsKeys("chance", "sentences", "baseline", "baseline_bound",
                "baseline.A->B", "baseline.B->C", "baseline.A->C", "baseline_bound.A->C", "training_sentences.A->B");
        assertThat(triangle.figures().get("chance")).isCloseTo(ChanceScore.of(8, TranslationConfig.PAPER_SCORE_WEIGHTS), within(0.0));
        assertThat(triangle.figures().get("sentences")).isEqualTo(1680.0);
        assertThat(triangle.figures().get("baseline.A->C")).isCloseTo(50.0 / 1680, within(1e-15));
        assertThat(triangle.figures().get("baseline")).isEqualTo(triangle.figures().get("baseline.A->C"));
        double distinctAb = triangle.split("A->B").distinctTraining();
        assertThat(distinctAb).isLessThan(1580);
        assertThat(triangle.figures().get("baseline.A->B")).isCloseTo(distinctAb / 1680, within(1e-15));
        assertThat(triangle.figures().get("baseline_bound.A->C"))
                .isCloseTo(50.0 / 1680 + Math.sqrt(Math.log(2 / 0.05) / 200), within(1e-12));
    }

    @Test
    void sameConfigAndSeedGiveTheSameDataAndOtherSeedsOtherData() {
        TranslationTask again = new TranslationTask(TRIANGLE, 1);
        TranslationTask other = new TranslationTask(TRIANGLE, 2);
        assertThat(again.block("A->C")).containsExactly(triangle.block("A->C"));
        assertThat(texts(again.evalSets().get(0).items())).isEqualTo(texts(triangle.evalSets().get(0).items()));
        assertThat(again.components().get(0).data().example(3, 17).tokens())
                .containsExactly(triangle.components().get(0).data().example(3, 17).tokens());
        assertThat(other.block("A->C")).isNotEqualTo(triangle.block("A->C"));
    }

    @Test
    void changingTheSparseEdgesCountLeavesTheOtherEdgesAndItsTestPromptsAlone() {
        TranslationTask ten = new TranslationTask(TRIANGLE.withEdges(List.of(new Edge("A", "B", 2500), new Edge("B", "C", 2500),
                new Edge("A", "C", 10))), 1);
        assertThat(ten.block("A->B")).containsExactly(triangle.block("A->B"));
        assertThat(texts(ten.evalSets().get(0).items())).isEqualTo(texts(triangle.evalSets().get(0).items()));
        assertThat(ten.block("A->C")).containsExactly(Arrays.copyOf(triangle.block("A->C"), 100));
        assertThat(ten.vocabulary()).isEqualTo(triangle.vocabulary());
    }

    @Test
    void describeNamesTheSetup() {
        assertThat(triangle.describe()).contains("A, B, C of 8 tokens", "(1680)", "A->C 50", "context 22", "headline A->C");
        assertThat(triangle.stopToken()).isEmpty();
    }

    /** Prompts and expected completions as comparable values. */
    private static List<String> texts(List<EvalItem> items) {
        return items.stream().map(i -> Arrays.toString(i.prompt()) + Arrays.toString(i.expected()) + i.maxNewTokens()).toList();
    }

    private static int[] decode(TranslationTask task, String language, int[] ids) {
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = ids[i] - task.layout().id(language, 0);
            assertThat(out[i]).isBetween(0, task.family().m() - 1);
        }
        return out;
    }
}
