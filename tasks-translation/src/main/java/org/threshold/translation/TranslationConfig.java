package org.threshold.translation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code task:} section of a translation run (SPEC section 4). Defaults live here and are
 * the paper's section 3.1.3 experiment: three languages of 8 tokens, sentences of 4, A->B 2500,
 * B->C 2500, A->C 50. Every key is documented in the module's README. The rules the values keep
 * are {@link TranslationRules}' (the constructor enforces them); {@link TranslationBinder} reads
 * the section.
 *
 * @param languages language names in vocabulary order; letters only, unique ignoring case
 * @param m tokens per language (the paper's |A|)
 * @param sentenceLength L, tokens per sentence, no repeats
 * @param edges directed edges with training-sample counts, in stream order
 * @param testPerEdge held-out test sentences per edge (Table 1's n = 100)
 * @param promptInstances k, solved instances of the same edge before a test query
 * @param context the task's context length (Task.contextLength()): training windows have this
 *     many tokens, and a test prompt plus its L answer tokens fit in it
 * @param recut re-cut the windows at a new random offset every epoch (false: fixed windows)
 * @param scoreWeights the score of a test sentence with L, L-1, …, 0 positions right
 * @param headlineEdge the edge whose score is the headline metric; empty: the edge with the
 *     fewest training samples (the first such in config order)
 * @param components one stream component or one component per edge
 * @param boundLevel α of the memorization bound figure ({@code baseline_bound.X->Y})
 */
public record TranslationConfig(List<String> languages, int m, int sentenceLength, List<Edge> edges, int testPerEdge,
                                int promptInstances, int context, boolean recut, List<Double> scoreWeights,
                                Optional<String> headlineEdge, ComponentLayout components, double boundLevel) {

    public static final int DEFAULT_M = 8;
    public static final int DEFAULT_SENTENCE_LENGTH = 4;
    /** Section 3.1.3: A->B and B->C plentiful, A->C sparse. */
    public static final List<Edge> DEFAULT_EDGES = List.of(new Edge("A", "B", 2500), new Edge("B", "C", 2500),
            new Edge("A", "C", 50));
    public static final int DEFAULT_TEST_PER_EDGE = 100;
    public static final int DEFAULT_PROMPT_INSTANCES = 6;
    /** SPEC section 4: the authors' 45-token window without their space tokens. */
    public static final int DEFAULT_CONTEXT = 22;
    /** Section 3.1's text: 4, 3, 2, 1, 0 positions right (its code uses 0.25 for one). */
    public static final List<Double> PAPER_SCORE_WEIGHTS = List.of(1.0, 0.75, 0.5, 0.24, 0.0);
    public static final double DEFAULT_BOUND_LEVEL = 0.05;

    public TranslationConfig {
        languages = List.copyOf(languages);
        edges = List.copyOf(edges);
        scoreWeights = List.copyOf(scoreWeights);
        TranslationRules.require(languages, m, sentenceLength, edges, testPerEdge, promptInstances, context, scoreWeights,
                headlineEdge, boundLevel);
    }

    /** The section 3.1.3 experiment with every other key at its default. */
    public static TranslationConfig defaults() {
        return of(DEFAULT_M, DEFAULT_EDGES);
    }

    /** The given languages size and edges, the languages they name, every other key at its default. */
    public static TranslationConfig of(int m, List<Edge> edges) {
        return new TranslationConfig(languagesOf(edges), m, DEFAULT_SENTENCE_LENGTH, edges, DEFAULT_TEST_PER_EDGE,
                DEFAULT_PROMPT_INSTANCES, DEFAULT_CONTEXT, true, PAPER_SCORE_WEIGHTS, Optional.empty(),
                ComponentLayout.STREAM, DEFAULT_BOUND_LEVEL);
    }

    /** The languages that edges name, in alphabetical order (so the vocabulary does not depend on edge order). */
    public static List<String> languagesOf(List<Edge> edges) {
        Set<String> names = new TreeSet<>();
        for (Edge e : edges) {
            names.add(e.from());
            names.add(e.to());
        }
        return List.copyOf(names);
    }

    /**
     * The default score table for sentences of {@code length} tokens: the paper's for 4, and for
     * other lengths the share of positions right (j/L for j right), which is what the authors'
     * code computes for 4 (it gives 0.25 for one position where the text says 0.24).
     */
    public static List<Double> defaultScoreWeights(int length) {
        if (length == 4) {
            return PAPER_SCORE_WEIGHTS;
        }
        List<Double> w = new ArrayList<>();
        for (int right = length; right >= 0; right--) {
            w.add((double) right / length);
        }
        return w;
    }

    public TranslationConfig withEdges(List<Edge> newEdges) {
        return new TranslationConfig(languages, m, sentenceLength, newEdges, testPerEdge, promptInstances, context, recut,
                scoreWeights, headlineEdge, components, boundLevel);
    }

    public TranslationConfig withContext(int newContext) {
        return new TranslationConfig(languages, m, sentenceLength, edges, testPerEdge, promptInstances, newContext, recut,
                scoreWeights, headlineEdge, components, boundLevel);
    }

    public TranslationConfig withRecut(boolean newRecut) {
        return new TranslationConfig(languages, m, sentenceLength, edges, testPerEdge, promptInstances, context, newRecut,
                scoreWeights, headlineEdge, components, boundLevel);
    }

    public TranslationConfig withComponents(ComponentLayout layout) {
        return new TranslationConfig(languages, m, sentenceLength, edges, testPerEdge, promptInstances, context, recut,
                scoreWeights, headlineEdge, layout, boundLevel);
    }

    public TranslationConfig withHeadlineEdge(String edge) {
        return new TranslationConfig(languages, m, sentenceLength, edges, testPerEdge, promptInstances, context, recut,
                scoreWeights, Optional.of(edge), components, boundLevel);
    }

    /** Sentences per language, m!/(m-L)!. */
    public long sentences() {
        return SentenceSpace.count(m, sentenceLength);
    }

    /** Tokens of one instance: sentence, {@code .}, translation, {@code |}. */
    public int instanceLength() {
        return 2 * sentenceLength + 2;
    }

    /** The edge whose score is the headline: the configured one, else the first with the fewest samples. */
    public Edge headline() {
        if (headlineEdge.isPresent()) {
            String name = Edge.parse(headlineEdge.get(), 0).map(Edge::name).orElse(headlineEdge.get());
            return edges.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
        }
        Edge sparsest = edges.get(0);
        for (Edge e : edges) {
            if (e.samples() < sparsest.samples()) {
                sparsest = e;
            }
        }
        return sparsest;
    }
}
