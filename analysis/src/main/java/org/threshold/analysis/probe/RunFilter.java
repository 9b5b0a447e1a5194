package org.threshold.analysis.probe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.threshold.api.config.ConfigNode;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.probe.TrainedRun;

/**
 * Which runs a probe averages or compares (SPEC section 7: "all runs of a mixture with accuracy
 * &gt; 90%"), e.g. {@code {mixture: MAX+MED+SUM, min_accuracy: 0.9, fallback_best: 3}}.
 *
 * <p>A run belongs to the group when its {@code mixture} label equals {@code mixture} (when
 * given), every entry of {@code labels} equals the run's label of that key (grid keys such as
 * {@code model.d}), and its {@code metric} in result.json is at least {@code min_accuracy}. When
 * the accuracy filter leaves no run, the group takes the {@code fallback_best} runs with the
 * highest metric among those the other filters keep, and says so in its notes (the paper's groups
 * may be empty at the scale 2 CPU cores can run).
 *
 * @param name the group's name in pictures, JSON keys and file names
 * @param mixture the mixture label the runs must have, when given
 * @param labels further labels the runs must have (grid key to value as text)
 * @param minAccuracy the least value of {@code metric}, when given
 * @param metric the result.json figure the accuracy filter and the fallback rank by
 * @param fallbackBest how many best runs stand in for an empty group (0: none, the group stays empty)
 */
public record RunFilter(String name, Optional<String> mixture, Map<String, String> labels, OptionalDouble minAccuracy,
                        String metric, int fallbackBest) {

    /** The figure of result.json that holds the headline metric (docs/RUNS.md). */
    public static final String HEADLINE = "test_accuracy";

    public RunFilter {
        labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** Every run. */
    public static RunFilter all(String name) {
        return new RunFilter(name, Optional.empty(), Map.of(), OptionalDouble.empty(), HEADLINE, 0);
    }

    /** The runs of one mixture, with no accuracy filter. */
    public static RunFilter mixture(String mixture) {
        return new RunFilter(mixture, Optional.of(mixture), Map.of(), OptionalDouble.empty(), HEADLINE, 0);
    }

    /**
     * Binds a group section: {@code name}, {@code mixture}, {@code labels}, {@code min_accuracy},
     * {@code metric}, {@code fallback_best}.
     *
     * @param defaultFallback the fallback when the section gives none
     */
    public static RunFilter bind(ConfigSection s, int defaultFallback) {
        Optional<String> mixture = s.optionalText("mixture");
        Map<String, String> labels = new LinkedHashMap<>();
        s.node("labels").ifPresent(node -> {
            if (node instanceof ConfigNode.Mapping mapping) {
                for (ConfigNode.Entry e : mapping.entries()) {
                    if (e.value() instanceof ConfigNode.Scalar scalar && !scalar.isNull()) {
                        labels.put(e.key(), scalar.text());
                    } else {
                        s.problem("labels", "expected a label value for " + e.key() + " (e.g. model.d: 32), found "
                                + e.value().describe());
                    }
                }
            } else if (!(node instanceof ConfigNode.Scalar scalar && scalar.isNull())) {
                s.problem("labels", "expected a mapping of labels to values (e.g. {model.d: 32, seed: 1}), found " + node.describe());
            }
        });
        OptionalDouble minAccuracy = s.optionalNumber("min_accuracy", 0, 1);
        String metric = s.text("metric", HEADLINE);
        if (metric.isBlank()) {
            s.problem("metric", "expected the name of a result.json figure (e.g. test_accuracy, accuracy.SUM), found nothing");
        }
        int fallback = s.integer("fallback_best", defaultFallback, 0, 10_000);
        String name = s.text("name", defaultName(mixture, labels, minAccuracy, metric));
        if (name.isBlank()) {
            s.problem("name", "expected a name for the group, found nothing");
        }
        return new RunFilter(name, mixture, labels, minAccuracy, metric, fallback);
    }

    private static String defaultName(Optional<String> mixture, Map<String, String> labels, OptionalDouble min, String metric) {
        List<String> parts = new ArrayList<>();
        parts.add(mixture.orElse("all runs"));
        labels.forEach((k, v) -> parts.add(k + "=" + v));
        String name = String.join(" ", parts);
        if (min.isPresent()) {
            name += String.format(Locale.ROOT, ", %s ≥ %s", metric, number(min.getAsDouble()));
        }
        return name;
    }

    /** The runs of the group, with notes on what was left out and any fallback. */
    public RunGroup select(List<TrainedRun> runs) {
        List<TrainedRun> matching = new ArrayList<>();
        for (TrainedRun run : runs) {
            if (mixture.isPresent() && !mixture.get().equals(run.labels().get("mixture"))) {
                continue;
            }
            boolean labelled = labels.entrySet().stream().allMatch(e -> e.getValue().equals(run.labels().get(e.getKey())));
            if (labelled) {
                matching.add(run);
            }
        }
        List<String> notes = new ArrayList<>();
        if (matching.isEmpty()) {
            TreeSet<String> present = new TreeSet<>();
            runs.forEach(r -> present.add(r.labels().getOrDefault("mixture", "?")));
            notes.add(String.format(Locale.ROOT, "group %s: none of the %d runs matches%s (mixtures present: %s)", name,
                    runs.size(), describeFilter(), String.join(", ", present)));
            return new RunGroup(this, List.of(), notes, false);
        }
        if (minAccuracy.isEmpty()) {
            return new RunGroup(this, matching, notes, false);
        }
        double min = minAccuracy.getAsDouble();
        List<TrainedRun> withMetric = matching.stream().filter(r -> value(r).isPresent()).toList();
        if (withMetric.size() < matching.size()) {
            notes.add(String.format(Locale.ROOT, "group %s: %d of %d runs have no %s in result.json and are left out", name,
                    matching.size() - withMetric.size(), matching.size(), metric));
        }
        List<TrainedRun> above = withMetric.stream().filter(r -> value(r).getAsDouble() >= min).toList();
        if (!above.isEmpty() || withMetric.isEmpty()) {
            if (withMetric.isEmpty()) {
                notes.add("group " + name + " is empty: no run reports " + metric);
            }
            return new RunGroup(this, above, notes, false);
        }
        List<TrainedRun> ranked = new ArrayList<>(withMetric);
        ranked.sort(Comparator.comparingDouble((TrainedRun r) -> -value(r).getAsDouble()).thenComparing(TrainedRun::id));
        if (fallbackBest == 0) {
            notes.add(String.format(Locale.ROOT, "group %s is empty: no run has %s ≥ %s (best %s); set fallback_best to "
                    + "use the best runs instead", name, metric, number(min), number(value(ranked.get(0)).getAsDouble())));
            return new RunGroup(this, List.of(), notes, false);
        }
        List<TrainedRun> best = ranked.subList(0, Math.min(fallbackBest, ranked.size()));
        List<String> values = best.stream().map(r -> number(value(r).getAsDouble())).toList();
        notes.add(String.format(Locale.ROOT, "group %s: no run has %s ≥ %s; shown instead: the best %d of %d runs (%s %s)",
                name, metric, number(min), best.size(), ranked.size(), metric, String.join(", ", values)));
        return new RunGroup(this, best, notes, true);
    }

    /** The run's value of {@link #metric}. */
    public OptionalDouble value(TrainedRun run) {
        Double v = run.result().get(metric);
        return v == null || v.isNaN() ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private String describeFilter() {
        List<String> parts = new ArrayList<>();
        mixture.ifPresent(m -> parts.add("mixture " + m));
        labels.forEach((k, v) -> parts.add(k + "=" + v));
        return parts.isEmpty() ? "" : " " + String.join(", ", parts);
    }

    /** Three significant digits without trailing zeros: 0.9, 0.62, 0.999. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
