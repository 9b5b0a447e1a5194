package org.threshold.translation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.threshold.api.config.ConfigSection;
import org.threshold.translation.TranslationRules.Problem;

/**
 * Reads a translation run's {@code task:} section into a {@link TranslationConfig}: each key with
 * its default and the range a file may give, then the config's rules (which the record's
 * constructor runs, once) with their problems at the file's positions.
 */
public final class TranslationBinder {

    private TranslationBinder() {
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
                int samples = edgeSection.integer(key, 0, 0, TranslationRules.MAX_SAMPLES_PER_EDGE);
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
            for (Edge e : TranslationConfig.DEFAULT_EDGES) {
                int samples = edgeSection.integer(e.name(), e.samples(), 0, TranslationRules.MAX_SAMPLES_PER_EDGE);
                edges.add(new Edge(e.from(), e.to(), samples));
                written.add(e.name());
            }
        }
        List<String> languages = s.texts("languages", TranslationConfig.languagesOf(edges));
        int m = s.integer("m", TranslationConfig.DEFAULT_M, 1, 10_000);
        int length = s.integer("sentence_length", TranslationConfig.DEFAULT_SENTENCE_LENGTH, 1, 1_000);
        int testPerEdge = s.integer("test_per_edge", TranslationConfig.DEFAULT_TEST_PER_EDGE, 1, 10_000_000);
        int promptInstances = s.integer("prompt_instances", TranslationConfig.DEFAULT_PROMPT_INSTANCES, 0, 100_000);
        int context = s.integer("context", TranslationConfig.DEFAULT_CONTEXT, 2, 1 << 20);
        boolean recut = s.flag("recut", true);
        List<Double> weights = s.numbers("score_weights", TranslationConfig.defaultScoreWeights(length), 0, 1);
        Optional<String> headline = s.optionalText("headline_edge");
        ComponentLayout components = s.choice("components", ComponentLayout.STREAM);
        double boundLevel = s.number("bound_level", TranslationConfig.DEFAULT_BOUND_LEVEL, 0, 1);

        try {
            TranslationConfig config = new TranslationConfig(languages, m, length, edges, testPerEdge, promptInstances, context,
                    recut, weights, headline, components, boundLevel);
            return unreadable ? TranslationConfig.defaults() : config;
        } catch (TranslationRules.Violations violations) {
            // the constructor ran the rules; their problems go to the file's positions
            for (Problem p : violations.problems()) {
                if (p.edge().isPresent()) {
                    edgeSection.problem(written.get(p.edge().getAsInt()), p.message());
                } else {
                    s.problem(p.key(), p.message());
                }
            }
            return TranslationConfig.defaults();
        }
    }
}
