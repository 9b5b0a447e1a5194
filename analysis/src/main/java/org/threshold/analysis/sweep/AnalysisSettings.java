package org.threshold.analysis.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 */
public record AnalysisSettings(Optional<String> metric, TransitionSettings transition, Optional<String> baseline,
                               Optional<List<CurveFilter>> curves) {

    public AnalysisSettings {
        curves = curves.map(List::copyOf);
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
        return new AnalysisSettings(metric, new TransitionSettings(threshold, confidence, resamples, bootstrapSeed,
                minRunsPerSide), baseline, curves);
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
