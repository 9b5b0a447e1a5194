package org.threshold.api.task;

import java.util.List;

/**
 * A named set of test prompts scored at every evaluation. Metric names combine the scorer's
 * metric with the set's name: the headline set has the empty name ({@code accuracy}), others
 * append theirs ({@code accuracy.SUM}, {@code accuracy.train}, {@code score.A->C}).
 *
 * @param name empty for the task's headline test set, otherwise e.g. an operator, "train", an edge
 * @param items the prompts (the task decides how many: e.g. ListOps' {@code eval_size})
 */
public record EvalSet(String name, List<EvalItem> items) {

    public EvalSet {
        items = List.copyOf(items);
    }

    /** The metric name under which this set reports {@code metric}. */
    public String metricName(String metric) {
        return name.isEmpty() ? metric : metric + "." + name;
    }
}
