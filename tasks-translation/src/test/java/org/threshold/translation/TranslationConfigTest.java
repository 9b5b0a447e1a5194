package org.threshold.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.threshold.translation.TranslationRules.Problem;

class TranslationConfigTest {

    private static final List<Edge> TRIANGLE = TranslationConfig.DEFAULT_EDGES;

    private static List<Problem> check(List<String> languages, int m, int length, List<Edge> edges, int test, int k,
                                       int context, List<Double> weights, Optional<String> headline) {
        return TranslationRules.check(languages, m, length, edges, test, k, context, weights, headline, 0.05);
    }

    private static List<Problem> checkEdges(List<Edge> edges) {
        return check(List.of("A", "B", "C"), 8, 4, edges, 100, 6, 22, TranslationConfig.PAPER_SCORE_WEIGHTS, Optional.empty());
    }

    @Test
    void defaultsAreTheSection313Experiment() {
        TranslationConfig c = TranslationConfig.defaults();
        assertThat(c.languages()).containsExactly("A", "B", "C");
        assertThat(c.m()).isEqualTo(8);
        assertThat(c.sentenceLength()).isEqualTo(4);
        assertThat(c.edges()).extracting(Edge::toString).containsExactly("A->B: 2500", "B->C: 2500", "A->C: 50");
        assertThat(c.testPerEdge()).isEqualTo(100);
        assertThat(c.promptInstances()).isEqualTo(6);
        assertThat(c.context()).isEqualTo(22);
        assertThat(c.recut()).isTrue();
        assertThat(c.scoreWeights()).containsExactly(1.0, 0.75, 0.5, 0.24, 0.0);
        assertThat(c.components()).isEqualTo(ComponentLayout.STREAM);
        assertThat(c.headline().name()).isEqualTo("A->C");
        assertThat(c.sentences()).isEqualTo(1680);
    }

    @Test
    void anEdgeNamingAnUnknownLanguageIsAProblemAtThatEdge() {
        List<Problem> problems = checkEdges(List.of(new Edge("A", "B", 10), new Edge("A", "D", 10)));
        assertThat(problems).containsExactly(new Problem("edges", OptionalInt.of(1),
                "edge A->D names language D, which is not among the languages [A, B, C]"));
    }

    @Test
    void anEdgeGivenTwiceIsAProblemAtTheSecond() {
        List<Problem> problems = checkEdges(List.of(new Edge("A", "B", 10), new Edge("B", "C", 10), new Edge("A", "B", 5)));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.edge()).hasValue(2);
            assertThat(p.message()).contains("A->B is given twice");
        });
    }

    @Test
    void edgesToTheSameLanguageAndGraphsWithoutTrainingDataAreProblems() {
        assertThat(checkEdges(List.of(new Edge("A", "A", 10)))).extracting(Problem::message)
                .containsExactly("edge A->A maps a language to itself; an edge joins two languages");
        assertThat(checkEdges(List.of(new Edge("A", "B", 0), new Edge("B", "C", 0)))).extracting(Problem::message)
                .containsExactly("no edge has training samples, so there is nothing to train on");
        assertThat(checkEdges(List.of())).extracting(Problem::key).containsExactly("edges");
    }

    @Test
    void sentencesLongerThanTheLanguageAreAProblemAtTheSentenceLength() {
        List<Problem> problems = check(List.of("A", "B", "C"), 3, 4, TRIANGLE, 5, 1, 22,
                TranslationConfig.PAPER_SCORE_WEIGHTS, Optional.empty());
        assertThat(problems).extracting(Problem::key).containsExactly("sentence_length");
        assertThat(problems.get(0).message()).contains("needs at least 4 tokens per language, but m is 3");
    }

    @Test
    void aTestSetAsLargeAsTheSentenceSpaceIsAProblem() {
        // m=5, L=2: 20 sentences
        List<Problem> problems = check(List.of("A", "B", "C"), 5, 2, TRIANGLE, 20, 3, 22, List.of(1.0, 0.5, 0.0),
                Optional.empty());
        assertThat(problems).extracting(Problem::key).containsExactly("test_per_edge");
        assertThat(problems.get(0).message()).contains("20 sentences");
        assertThat(check(List.of("A", "B", "C"), 5, 2, TRIANGLE, 19, 3, 22, List.of(1.0, 0.5, 0.0), Optional.empty())).isEmpty();
    }

    @Test
    void aContextTooShortForOneInstanceIsAProblem() {
        List<Problem> problems = check(List.of("A", "B", "C"), 8, 4, TRIANGLE, 100, 6, 9,
                TranslationConfig.PAPER_SCORE_WEIGHTS, Optional.empty());
        assertThat(problems).extracting(Problem::key).containsExactly("context");
        assertThat(problems.get(0).message()).contains("not even one instance", "10 tokens");
    }

    @Test
    void aScoreTableMustHaveOneValuePerNumberOfPositionsRight() {
        List<Problem> problems = check(List.of("A", "B", "C"), 8, 3, TRIANGLE, 100, 6, 22,
                TranslationConfig.PAPER_SCORE_WEIGHTS, Optional.empty());
        assertThat(problems).extracting(Problem::key).containsExactly("score_weights");
        assertThat(TranslationConfig.defaultScoreWeights(3)).containsExactly(1.0, 2.0 / 3, 1.0 / 3, 0.0);
    }

    @Test
    void theHeadlineEdgeMustBeAnEdgeAndDefaultsToTheSparsest() {
        assertThat(check(List.of("A", "B", "C"), 8, 4, TRIANGLE, 100, 6, 22, TranslationConfig.PAPER_SCORE_WEIGHTS,
                Optional.of("C->A"))).extracting(Problem::key).containsExactly("headline_edge");
        assertThat(TranslationConfig.defaults().withHeadlineEdge("A -> B").headline().name()).isEqualTo("A->B");
        TranslationConfig tie = TranslationConfig.of(8, List.of(new Edge("A", "B", 30), new Edge("B", "C", 10),
                new Edge("A", "C", 10)));
        assertThat(tie.headline().name()).isEqualTo("B->C");
    }

    @Test
    void languageNamesAreLettersAndUniqueIgnoringCase() {
        assertThat(check(List.of("A", "B", "C", "b"), 8, 4, TRIANGLE, 100, 6, 22, TranslationConfig.PAPER_SCORE_WEIGHTS,
                Optional.empty())).extracting(Problem::message).singleElement().asString().contains("b is given twice");
        assertThat(check(List.of("A", "B", "C", "D2"), 8, 4, TRIANGLE, 100, 6, 22, TranslationConfig.PAPER_SCORE_WEIGHTS,
                Optional.empty())).extracting(Problem::message).singleElement().asString().contains("letters only");
    }

    @Test
    void defaultLanguagesAreTheOnesTheEdgesNameInAlphabeticalOrder() {
        assertThat(TranslationConfig.languagesOf(List.of(new Edge("D", "B", 1), new Edge("A", "C", 1)))).containsExactly("A", "B", "C", "D");
    }

    @Test
    void theRecordRejectsWhatTheBinderWouldReport() {
        assertThatThrownBy(() -> TranslationConfig.defaults().withContext(9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("context: a context of 9 tokens");
        assertThatThrownBy(() -> TranslationConfig.defaults().withEdges(List.of(new Edge("A", "X", 3))))
                .hasMessageContaining("edges[0]: edge A->X names language X");
    }

    @Test
    void theRecordsRejectionCarriesEveryProblemAtItsKey() {
        assertThatThrownBy(() -> TranslationConfig.defaults().withEdges(List.of(new Edge("A", "X", 3), new Edge("A", "A", 1))))
                .isInstanceOfSatisfying(TranslationRules.Violations.class, v -> assertThat(v.problems())
                        .extracting(Problem::toString).containsExactly(
                                "edges[0]: edge A->X names language X, which is not among the languages [A, B, C]",
                                "edges[1]: edge A->A maps a language to itself; an edge joins two languages"));
    }

    @Test
    void edgesAreWrittenWithAnArrow() {
        assertThat(Edge.parse(" A -> C ", 50)).hasValue(new Edge("A", "C", 50));
        assertThat(Edge.parse("AC", 50)).isEmpty();
        assertThat(Edge.parse("A->", 50)).isEmpty();
    }
}
