package org.threshold.translation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.threshold.api.config.ConfigSection;

/**
 * The {@code task:} section of a translation run (SPEC section 4). Defaults live here and are
 * the paper's section 3.1.3 experiment: three languages of 8 tokens, sentences of 4, A->B 2500,
 * B->C 2500, A->C 50. Every key is documented in the module's README.
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

    static final int MAX_SAMPLES_PER_EDGE = 100_000_000;

    /** A problem with a config, at a key of the task section or at one edge (its index in {@link #edges}). */
    public record Problem(String key, OptionalInt edge, String message) {

        static Problem at(String key, String message) {
            return new Problem(key, OptionalInt.empty(), message);
        }

        static Problem atEdge(int edge, String message) {
            return new Problem("edges", OptionalInt.of(edge), message);
        }

        @Override
        public String toString() {
            return key + (edge.isPresent() ? "[" + edge.getAsInt() + "]" : "") + ": " + message;
        }
    }

    public TranslationConfig {
        languages = List.copyOf(languages);
        edges = List.copyOf(edges);
        scoreWeights = List.copyOf(scoreWeights);
        List<Problem> problems = check(languages, m, sentenceLength, edges, testPerEdge, promptInstances, context,
                scoreWeights, headlineEdge, boundLevel);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        }
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

    /**
     * Every problem with these values, each at its key: the rules shared by the record's
     * constructor (programmatic use) and the binder (problems at file positions).
     */
    public static List<Problem> check(List<String> languages, int m, int sentenceLength, List<Edge> edges,
                                      int testPerEdge, int promptInstances, int context, List<Double> scoreWeights,
                                      Optional<String> headlineEdge, double boundLevel) {
        List<Problem> problems = new ArrayList<>();
        Set<String> lowerCase = new HashSet<>();
        for (String name : languages) {
            if (!name.matches("[A-Za-z]+")) {
                problems.add(Problem.at("languages", "a language name is letters only (its tokens are the name in lower"
                        + " case plus a number, a3), found '" + name + "'"));
            } else if (!lowerCase.add(name.toLowerCase(Locale.ROOT))) {
                problems.add(Problem.at("languages", "language " + name + " is given twice (names are compared ignoring case,"
                        + " because tokens are written in lower case)"));
            }
        }
        if (m < 1) {
            problems.add(Problem.at("m", "expected at least 1 token per language, found " + m));
        }
        if (sentenceLength < 1) {
            problems.add(Problem.at("sentence_length", "expected at least 1 token per sentence, found " + sentenceLength));
        }

        if (edges.isEmpty()) {
            problems.add(Problem.at("edges", "expected at least one edge, e.g. {A->B: 2500, B->C: 2500, A->C: 50}"));
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        long streamTokens = 0;
        for (int i = 0; i < edges.size(); i++) {
            Edge e = edges.get(i);
            if (e.from().equals(e.to())) {
                problems.add(Problem.atEdge(i, "edge " + e.name() + " maps a language to itself; an edge joins two languages"));
            }
            for (String end : List.of(e.from(), e.to())) {
                if (!languages.contains(end)) {
                    problems.add(Problem.atEdge(i, "edge " + e.name() + " names language " + end
                            + ", which is not among the languages " + languages));
                }
            }
            Integer first = seen.putIfAbsent(e.name(), i);
            if (first != null) {
                problems.add(Problem.atEdge(i, "edge " + e.name() + " is given twice (first as edge " + (first + 1) + ")"));
            }
            if (e.samples() > MAX_SAMPLES_PER_EDGE) {
                problems.add(Problem.atEdge(i, "expected at most " + MAX_SAMPLES_PER_EDGE + " samples, found " + e.samples()));
            }
            streamTokens += (long) e.samples() * (2L * Math.max(sentenceLength, 1) + 2);
        }
        if (!edges.isEmpty() && edges.stream().allMatch(e -> e.samples() == 0)) {
            problems.add(Problem.at("edges", "no edge has training samples, so there is nothing to train on"));
        }
        if (streamTokens > Integer.MAX_VALUE - 8) {
            problems.add(Problem.at("edges", "the training stream would have " + streamTokens + " tokens; at most "
                    + (Integer.MAX_VALUE - 8) + " fit: use fewer samples"));
        }

        if (m >= 1 && sentenceLength >= 1) {
            if (m < sentenceLength) {
                problems.add(Problem.at("sentence_length", "a sentence of " + sentenceLength + " tokens without repeats needs at"
                        + " least " + sentenceLength + " tokens per language, but m is " + m));
            } else {
                long sentences = SentenceSpace.count(m, sentenceLength);
                if (sentences < 0) {
                    problems.add(Problem.at("sentence_length", m + "!/(" + m + "-" + sentenceLength + ")! sentences are more than"
                            + " this task handles (" + SentenceSpace.MAX_SENTENCES + "); use a smaller m or sentence length"));
                } else {
                    if (testPerEdge >= sentences) {
                        problems.add(Problem.at("test_per_edge", "expected fewer test sentences than the " + sentences
                                + " sentences of a language (m!/(m-L)! for m=" + m + ", L=" + sentenceLength
                                + "), so that some are left for training; found " + testPerEdge));
                    }
                    if (promptInstances > sentences - 1) {
                        problems.add(Problem.at("prompt_instances", "a prompt's solved instances are distinct sentences other"
                                + " than the query, and there are only " + (sentences - 1) + "; found " + promptInstances));
                    }
                }
            }
            int instance = 2 * sentenceLength + 2;
            if (context < instance) {
                problems.add(Problem.at("context", "a context of " + context + " tokens holds not even one instance (sentence,"
                        + " '.', translation, '|' = " + instance + " tokens for sentences of " + sentenceLength + ")"));
            }
            if (scoreWeights.size() != sentenceLength + 1) {
                problems.add(Problem.at("score_weights", "expected " + (sentenceLength + 1) + " scores, for " + sentenceLength
                        + ", " + (sentenceLength - 1) + ", …, 0 positions right; found " + scoreWeights.size()));
            }
        }
        if (testPerEdge < 1) {
            problems.add(Problem.at("test_per_edge", "expected at least 1 test sentence per edge, found " + testPerEdge));
        }
        if (promptInstances < 0) {
            problems.add(Problem.at("prompt_instances", "expected 0 or more solved instances, found " + promptInstances));
        }
        for (double w : scoreWeights) {
            if (!(w >= 0 && w <= 1)) {
                problems.add(Problem.at("score_weights", "scores are in [0, 1], found " + w));
            }
        }
        if (headlineEdge.isPresent()) {
            String name = Edge.parse(headlineEdge.get(), 0).map(Edge::name).orElse(headlineEdge.get());
            if (edges.stream().noneMatch(e -> e.name().equals(name))) {
                problems.add(Problem.at("headline_edge", "'" + headlineEdge.get() + "' is not an edge; the edges are "
                        + edges.stream().map(Edge::name).collect(Collectors.joining(", "))));
            }
        }
        if (!(boundLevel > 0 && boundLevel < 1)) {
            problems.add(Problem.at("bound_level", "expected a probability strictly between 0 and 1, found " + boundLevel));
        }
        return problems;
    }

    /**
     * Binds the {@code task:} section (without {@code type}). Problems are recorded at their keys
     * (an edge's at the edge's own key); when there are any, the defaults are returned so that
     * binding goes on, and the owner of the file throws.
     */
    public static TranslationConfig bind(ConfigSection s) {
        // edges first: the default languages are the ones they name.
        int problemsBefore = s.problems().size();
        ConfigSection edgeSection = s.section("edges");
        // edges that are not a mapping are reported by the section; checking none against the rules would only add noise
        boolean unreadable = s.problems().size() > problemsBefore;
        List<Edge> edges = new ArrayList<>();
        List<String> written = new ArrayList<>();
        if (s.has("edges") && !unreadable) {
            for (String key : edgeSection.keys()) {
                int samples = edgeSection.integer(key, 0, 0, MAX_SAMPLES_PER_EDGE);
                Optional<Edge> edge = Edge.parse(key, samples);
                if (edge.isEmpty()) {
                    edgeSection.problem(key, "expected an edge written FROM->TO with its sample count, e.g. 'A->C: 50';"
                            + " found '" + key + "'");
                    unreadable = true;
                } else {
                    edges.add(edge.get());
                    written.add(key);
                }
            }
        } else {
            // asked with their defaults, so that the resolved config shows them
            for (Edge e : DEFAULT_EDGES) {
                edges.add(new Edge(e.from(), e.to(), edgeSection.integer(e.name(), e.samples(), 0, MAX_SAMPLES_PER_EDGE)));
                written.add(e.name());
            }
        }
        List<String> languages = s.texts("languages", languagesOf(edges));
        int m = s.integer("m", DEFAULT_M, 1, 10_000);
        int length = s.integer("sentence_length", DEFAULT_SENTENCE_LENGTH, 1, 1_000);
        int testPerEdge = s.integer("test_per_edge", DEFAULT_TEST_PER_EDGE, 1, 10_000_000);
        int promptInstances = s.integer("prompt_instances", DEFAULT_PROMPT_INSTANCES, 0, 100_000);
        int context = s.integer("context", DEFAULT_CONTEXT, 2, 1 << 20);
        boolean recut = s.flag("recut", true);
        List<Double> weights = s.numbers("score_weights", defaultScoreWeights(length), 0, 1);
        Optional<String> headline = s.optionalText("headline_edge");
        ComponentLayout components = s.choice("components", ComponentLayout.STREAM);
        double boundLevel = s.number("bound_level", DEFAULT_BOUND_LEVEL, 0, 1);

        List<Problem> problems = check(languages, m, length, edges, testPerEdge, promptInstances, context, weights, headline,
                boundLevel);
        for (Problem p : problems) {
            if (p.edge().isPresent()) {
                edgeSection.problem(written.get(p.edge().getAsInt()), p.message());
            } else {
                s.problem(p.key(), p.message());
            }
        }
        if (!problems.isEmpty() || unreadable) {
            return defaults();
        }
        return new TranslationConfig(languages, m, length, edges, testPerEdge, promptInstances, context, recut, weights,
                headline, components, boundLevel);
    }
}
