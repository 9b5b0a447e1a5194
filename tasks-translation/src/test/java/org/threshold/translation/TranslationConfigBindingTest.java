package org.threshold.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigProblem;

/** The task: section as a user writes it (without its type key, which the platform reads). */
class TranslationConfigBindingTest {

    private record Bound(TranslationConfig config, List<String> problems, String resolved) {
    }

    private static Bound bind(String yaml) {
        ConfigDocument doc = ConfigDocument.parse(yaml, "run.yaml");
        TranslationConfig config = new TranslationTaskProvider().config(doc.root());
        doc.finish();
        return new Bound(config, doc.problems().stream().map(ConfigProblem::toString).toList(), doc.resolvedYaml());
    }

    @Test
    void edgesAreWrittenAsArrowsWithTheirCountsInStreamOrder() {
        Bound b = bind("""
                m: 12
                edges:
                  A->B: 5000
                  A->C: 4000
                  A->D: 4500
                  D->B: 100
                  D->C: 200
                  B->C: 300
                """);
        assertThat(b.problems()).isEmpty();
        assertThat(b.config().edges()).extracting(Edge::toString)
                .containsExactly("A->B: 5000", "A->C: 4000", "A->D: 4500", "D->B: 100", "D->C: 200", "B->C: 300");
        assertThat(b.config().languages()).containsExactly("A", "B", "C", "D");
        assertThat(b.config().m()).isEqualTo(12);
        assertThat(b.config().headline().name()).isEqualTo("D->B");
    }

    @Test
    void anEmptySectionIsTheSection313ExperimentAndResolvesWithEveryDefault() {
        Bound b = bind("{}");
        assertThat(b.problems()).isEmpty();
        assertThat(b.config()).isEqualTo(TranslationConfig.defaults());
        assertThat(b.resolved()).contains("A->B: 2500", "B->C: 2500", "A->C: 50", "m: 8", "sentence_length: 4",
                "test_per_edge: 100", "prompt_instances: 6", "context: 22", "recut: true", "components: stream",
                "headline_edge: null");
        assertThat(bind(b.resolved()).config()).isEqualTo(b.config());
    }

    @Test
    void everyKeyBinds() {
        Bound b = bind("""
                languages: [A, B, C, D]
                m: 10
                sentence_length: 3
                edges: {A->B: 100, B -> C: 200, A->C: 0}
                test_per_edge: 50
                prompt_instances: 2
                context: 30
                recut: false
                score_weights: [1, 0.5, 0.2, 0]
                headline_edge: B->C
                components: edges
                bound_level: 0.01
                """);
        assertThat(b.problems()).isEmpty();
        assertThat(b.config()).isEqualTo(new TranslationConfig(List.of("A", "B", "C", "D"), 10, 3,
                List.of(new Edge("A", "B", 100), new Edge("B", "C", 200), new Edge("A", "C", 0)), 50, 2, 30, false,
                List.of(1.0, 0.5, 0.2, 0.0), java.util.Optional.of("B->C"), ComponentLayout.EDGES, 0.01));
    }

    @Test
    void anEdgeNamingAnUnknownLanguageIsReportedAtThatEdge() {
        Bound b = bind("""
                languages: [A, B, C]
                edges:
                  A->B: 10
                  A->D: 10
                """);
        assertThat(b.problems()).containsExactly(
                "run.yaml:4:3: edges.A->D: edge A->D names language D, which is not among the languages [A, B, C]");
        assertThat(b.config()).isEqualTo(TranslationConfig.defaults());
    }

    @Test
    void anEdgeTwiceAnEdgeNotWrittenAsAnArrowAndACountOutOfRangeAreEachReportedAtTheirLine() {
        Bound b = bind("""
                edges:
                  A->B: 10
                  A -> B: 20
                  AC: 5
                  B->C: -1
                """);
        assertThat(b.problems()).containsExactly(
                "run.yaml:3:3: edges.A -> B: edge A->B is given twice (first as edge 1)",
                "run.yaml:4:3: edges.AC: expected an edge written FROM->TO with its sample count, e.g. 'A->C: 50'; found 'AC'",
                "run.yaml:5:9: edges.B->C: expected an integer from 0 to 100000000, found '-1'");
    }

    @Test
    void impossibleSizesAreReportedAtTheirKeys() {
        Bound b = bind("""
                m: 3
                sentence_length: 4
                context: 9
                """);
        assertThat(b.problems()).containsExactly(
                "run.yaml:2:1: sentence_length: a sentence of 4 tokens without repeats needs at least 4 tokens per language,"
                        + " but m is 3",
                "run.yaml:3:1: context: a context of 9 tokens holds not even one instance (sentence, '.', translation, '|'"
                        + " = 10 tokens for sentences of 4)");

        Bound tooManyTests = bind("""
                m: 5
                sentence_length: 2
                test_per_edge: 20
                """);
        assertThat(tooManyTests.problems()).singleElement().asString()
                .startsWith("run.yaml:3:1: test_per_edge: expected fewer test sentences than the 20 sentences");
    }

    @Test
    void edgesAsAListAndMisspelledKeysAreReported() {
        Bound b = bind("""
                edges: [A->B, B->C]
                test_per_egde: 10
                """);
        assertThat(b.problems()).hasSize(2);
        assertThat(b.problems().get(0)).isEqualTo("run.yaml:1:8: edges: expected a mapping, found a list");
        assertThat(b.problems().get(1)).startsWith("run.yaml:2:1: test_per_egde: expected one of the keys")
                .contains("did you mean 'test_per_edge'");
    }

    @Test
    void theHeadlineEdgeMustBeOneOfTheEdges() {
        assertThat(bind("headline_edge: C->A").problems()).containsExactly(
                "run.yaml:1:1: headline_edge: 'C->A' is not an edge; the edges are A->B, B->C, A->C");
    }
}
