package org.threshold.api.task;

import java.util.List;
import java.util.OptionalLong;
import org.threshold.api.curriculum.Evaluation;

/**
 * A training phase a task names (see {@link Task#phases()}): the first evaluation step at which a
 * metric reaches a level, e.g. {@code phase.routed}, the first step with
 * {@code accuracy.routed >= 0.9} (SPEC section 8). A run that never reaches it has no such step.
 *
 * @param name the phase's name in result.json and the run summary, e.g. {@code phase.routed}
 * @param metric the metric it watches, e.g. {@code accuracy.routed}
 * @param level the value the metric must reach (at least, not only exceed)
 */
public record Phase(String name, String metric, double level) {

    public Phase {
        if (name.isBlank() || metric.isBlank()) {
            throw new IllegalArgumentException("a phase needs a name and a metric");
        }
        if (!Double.isFinite(level)) {
            throw new IllegalArgumentException("phase " + name + " has level " + level + "; it must be a finite number");
        }
    }

    /**
     * The step of the first evaluation, in step order, whose {@link #metric()} is at least
     * {@link #level()}; empty when none is (or none has the metric).
     */
    public OptionalLong reachedAt(List<Evaluation> history) {
        for (Evaluation e : history) {
            if (e.metric(metric).orElse(Double.NEGATIVE_INFINITY) >= level) {
                return OptionalLong.of(e.step());
            }
        }
        return OptionalLong.empty();
    }
}
