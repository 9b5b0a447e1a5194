package org.threshold.api.curriculum;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * The metrics of one evaluation during training, by metric name ({@code accuracy},
 * {@code accuracy.SUM}, {@code accuracy.train}, {@code loss}, ...).
 *
 * @param step the training step after which the evaluation ran
 * @param metrics metric name to value
 */
public record Evaluation(long step, Map<String, Double> metrics) {

    public Evaluation {
        metrics = Map.copyOf(metrics);
    }

    public OptionalDouble metric(String name) {
        Double v = metrics.get(name);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
