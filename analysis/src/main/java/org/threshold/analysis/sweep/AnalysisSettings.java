package org.threshold.analysis.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.threshold.analysis.transition.TransitionSettings;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigNode;
import org.threshold.api.config.ConfigProblem;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.config.DidYouMean;
import org.threshold.runs.sweep.GridValue;

/**
 * The {@code sweep.analysis} section: what {@code threshold analyze} fits and draws (SPEC
 * section 7).
 *
 * @param metric the metric fitted against log10(parameters); empty: each run's headline metric
 *     (result.json's test_accuracy). A mixture's headline should be its hard operator's accuracy
 *     (SPEC section 1), e.g. {@code accuracy.SUM}
 * @param transition threshold (0.5 default, 0.8 for figures 1 and 6), bootstrap confidence,
 *     resamples and seed, and the minimum number of runs on each side of the threshold
 * @param baseline the mixture whose transition point is divided by every other's; empty: the
 *     first mixture of the index
 * @param curves figures of training curves; empty: the default of docs/SWEEPS.md
 * @param ratios the pairs of mixtures whose transition points are divided, numerator first (figure
 *     1's three panels: ADD / ADD+PROD, NADD / NADD+PROD, PROD / MAX+PROD); empty: the baseline
 *     over every other mixture
 * @param parameters the parameter count fitted against: all trainable tensors (default) or the
 *     unique count of SPEC section 9
 */
public record AnalysisSettings(Optional<String> metric, TransitionSettings transition, Optional<String> baseline,
                               Optional<List<CurveFilter>> curves, Optional<List<RatioPair>> ratios,
                               ParameterMeasure parameters) {

    /** One ratio of transition points: numerator's over denominator's. */
    public record RatioPair(String numerator, String denominator) {
    }

    public AnalysisSettings {
        curves = curves.map(List::copyOf);
        ratios = ratios.map(List::copyOf);
        Objects.requireNonNull(parameters, "parameters");
    }

    /** The same settings fitted against {@code measure}. */
    public AnalysisSettings withParameters(ParameterMeasure measure) {
        return new AnalysisSettings(metric, transition, baseline, curves, ratios, measure);
    }

    /** Settings that fit against all trainable parameters. */
    public AnalysisSettings(Optional<String> metric, TransitionSettings transition, Optional<String> baseline,
                            Optional<List<CurveFilter>> curves, Optional<List<RatioPair>> ratios) {
        this(metric, transition, baseline, curves, ratios, ParameterMeasure.ALL);
    }

    /** Settings whose ratios are the baseline's over every other mixture's. */
    public AnalysisSettings(Optional<String> metric, TransitionSettings transition, Optional<String> baseline,
                            Optional<List<CurveFilter>> curves) {
        this(metric, transition, baseline, curves, Optional.empty());
    }

    public static AnalysisSettings defaults() {
        return new AnalysisSettings(Optional.empty(), TransitionSettings.defaults(), Optional.empty(), Optional.empty());
    }

    /**
     * Binds the section; curve keys are checked against the grid keys (and {@code mixture}),
     * problems at the key's position go to the document.
     */
    public static AnalysisSettings bind(ConfigSection s, List<String> gridKeys, ConfigDocument document) {
        TransitionSettings d = TransitionSettings.defaults();
        Optional<String> metric = s.optionalText("metric");
        double threshold = s.number("threshold", d.threshold(), 0, 1);
        if (threshold <= 0 || threshold >= 1) {
            s.problem("threshold", "expected an accuracy strictly between 0 and 1 (0.5, or 0.8 as in figures 1 and 6), found "
                    + threshold);
            threshold = d.threshold();
        }
        double confidence = s.number("confidence", d.confidence(), 0, 1);
        if (confidence <= 0 || confidence >= 1) {
            s.problem("confidence", "expected a coverage strictly between 0 and 1 (e.g. 0.95), found " + confidence);
            confidence = d.confidence();
        }
        int resamples = s.integer("resamples", d.resamples(), 0, 1_000_000);
        long bootstrapSeed = s.longInteger("bootstrap_seed", d.bootstrapSeed(), 0, Long.MAX_VALUE);
        int minRunsPerSide = s.integer("min_runs_per_side", d.minRunsPerSide(), 1, 1_000_000);
        Optional<String> baseline = s.optionalText("baseline");
        Optional<List<CurveFilter>> curves = s.node("curves").flatMap(node -> curves(node, s.path(), gridKeys, document));
        Optional<List<RatioPair>> ratios = s.node("ratios").flatMap(node -> ratios(node, s.path(), document));
        if (ratios.isPresent() && baseline.isPresent()) {
            s.problem("ratios", "expected either baseline (its transition point over every other mixture's) or ratios "
                    + "(the pairs named), found both");
        }
        ParameterMeasure parameters = s.choice("parameters", ParameterMeasure.ALL);
        return new AnalysisSettings(metric, new TransitionSettings(threshold, confidence, resamples, bootstrapSeed,
                minRunsPerSide), baseline, curves, ratios, parameters);
    }

    private static Optional<List<RatioPair>> ratios(ConfigNode node, String sectionPath, ConfigDocument document) {
        String path = sectionPath + ".ratios";
        if (node instanceof ConfigNode.Scalar s && s.isNull()) {
            return Optional.empty();
        }
        String expected = "a list of [numerator, denominator] pairs of mixture names (e.g. [[ADD, ADD+PROD]])";
        if (!(node instanceof ConfigNode.Sequence list) || list.items().isEmpty()) {
            document.report(new ConfigProblem(node.mark(), path, "expected " + expected + ", found " + node.describe()));
            return Optional.empty();
        }
        List<RatioPair> pairs = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            ConfigNode item = list.items().get(i);
            if (item instanceof ConfigNode.Sequence pair && pair.items().size() == 2
                    && pair.items().stream().allMatch(n -> n instanceof ConfigNode.Scalar sc && !sc.isNull())) {
                pairs.add(new RatioPair(GridValue.text(pair.items().get(0)), GridValue.text(pair.items().get(1))));
            } else {
                document.report(new ConfigProblem(item.mark(), path + "[" + i + "]", "expected " + expected
                        + ", found " + item.describe()));
            }
        }
        return Optional.of(pairs);
    }

    private static Optional<List<CurveFilter>> curves(ConfigNode node, String sectionPath, List<String> gridKeys,
                                                      ConfigDocument document) {
        String path = sectionPath + ".curves";
        if (node instanceof ConfigNode.Scalar s && s.isNull()) {
            return Optional.empty();
        }
        if (!(node instanceof ConfigNode.Sequence list)) {
            document.report(new ConfigProblem(node.mark(), path, "expected a list of filters, one per figure (e.g. "
                    + "[{model.d: 32, seed: 1}]), found " + node.describe()));
            return Optional.empty();
        }
        List<String> allowed = new ArrayList<>(gridKeys);
        allowed.add("mixture");
        List<CurveFilter> filters = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            ConfigNode item = list.items().get(i);
            String itemPath = path + "[" + i + "]";
            if (!(item instanceof ConfigNode.Mapping mapping)) {
                document.report(new ConfigProblem(item.mark(), itemPath, "expected a mapping of grid keys (or mixture) to "
                        + "values, found " + item.describe()));
                continue;
            }
            Map<String, String> match = new LinkedHashMap<>();
            for (ConfigNode.Entry e : mapping.entries()) {
                if (!allowed.contains(e.key())) {
                    document.report(new ConfigProblem(e.keyMark(), itemPath + "." + e.key(), "expected one of the grid keys "
                            + String.join(", ", allowed) + ", found '" + e.key() + "'" + DidYouMean.hint(e.key(), allowed)));
                } else {
                    match.put(e.key(), GridValue.text(e.value()));
                }
            }
            filters.add(new CurveFilter(match));
        }
        return Optional.of(filters);
    }
}
