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
import java.util.stream.Collectors;

/**
 * The rules a translation config keeps, in one place: {@link TranslationConfig}'s constructor
 * enforces them (programmatic use), and {@link TranslationBinder} lets them run once through the
 * constructor and reports what they find at the file's positions.
 */
public final class TranslationRules {

    /** Samples one edge may ask for. */
    public static final int MAX_SAMPLES_PER_EDGE = 100_000_000;

    private TranslationRules() {
    }

    /** A problem with a config, at a key of the task section or at one edge (its index in the config's edges). */
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

    /** Values that break the rules: every problem, each at its key; the message joins them. */
    public static final class Violations extends IllegalArgumentException {

        private final transient List<Problem> problems;

        Violations(List<Problem> problems) {
            super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /**
     * @throws Violations naming every problem with these values
     */
    static void require(List<String> languages, int m, int sentenceLength, List<Edge> edges, int testPerEdge,
                        int promptInstances, int context, List<Double> scoreWeights, Optional<String> headlineEdge,
                        double boundLevel) {
        List<Problem> problems = check(languages, m, sentenceLength, edges, testPerEdge, promptInstances, context, scoreWeights,
                headlineEdge, boundLevel);
        if (!problems.isEmpty()) {
            throw new Violations(problems);
        }
    }

    /** Every problem with these values, each at its key. */
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
}
