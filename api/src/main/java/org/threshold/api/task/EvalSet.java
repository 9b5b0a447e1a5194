package org.threshold.api.task;

import java.util.List;

/**
 * A named set of test prompts. Metric names combine the scorer's metric with the set's name: the
 * headline set has the empty name ({@code accuracy}), others append theirs ({@code accuracy.SUM},
 * {@code accuracy.train}, {@code score.A->C}).
 *
 * <p>Most sets are scored at every evaluation. A set marked {@code finalOnly} (a benchmark too
 * large to decode every few hundred steps, such as AdderBoard's 10,010 cases) is scored only by the
 * run's last evaluation, so its metrics are in result.json and in the last line of metrics.jsonl,
 * and by commands that score a trained model.
 *
 * @param name empty for the task's headline test set, otherwise e.g. an operator, "train", an edge
 * @param items the prompts (the task decides how many: e.g. ListOps' {@code eval_size})
 * @param finalOnly whether only the run's last evaluation scores this set; never for the headline set
 */
public record EvalSet(String name, List<EvalItem> items, boolean finalOnly) {

    public EvalSet {
        items = List.copyOf(items);
        if (finalOnly && name.isEmpty()) {
            throw new IllegalArgumentException("the headline test set is scored at every evaluation; it cannot be final-only");
        }
    }

    /** A set scored at every evaluation. */
    public EvalSet(String name, List<EvalItem> items) {
        this(name, items, false);
    }

    /** A set scored only by a run's last evaluation (and by commands that score a trained model). */
    public static EvalSet atEndOfRun(String name, List<EvalItem> items) {
        return new EvalSet(name, items, true);
    }

    /** The metric name under which this set reports {@code metric}. */
    public String metricName(String metric) {
        return name.isEmpty() ? metric : metric + "." + name;
    }
}
