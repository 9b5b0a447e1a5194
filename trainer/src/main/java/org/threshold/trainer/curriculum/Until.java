package org.threshold.trainer.curriculum;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.threshold.api.curriculum.Evaluation;

/**
 * When a stage of a {@link StagedCurriculum} ends (SPEC section 6): once every named component's
 * test accuracy ({@code accuracy.<component>}) is at least {@code atLeast}, or once the step is at
 * least {@code step}, whichever comes first. Checked at evaluations only.
 *
 * @param accuracyOf components whose accuracy must reach {@code atLeast}; empty: no accuracy condition
 * @param atLeast the accuracy each must reach, in [0, 1]
 * @param step the step from which the stage ends regardless of accuracy; empty: no step condition
 */
public record Until(List<String> accuracyOf, double atLeast, OptionalLong step) {

    /** SPEC section 6: "accuracy on named components >= x, default 0.95". */
    public static final double DEFAULT_AT_LEAST = 0.95;

    public Until {
        accuracyOf = List.copyOf(accuracyOf);
        if (accuracyOf.isEmpty() && step.isEmpty()) {
            throw new IllegalArgumentException("a stage's condition needs accuracy components, a step, or both");
        }
        if (!(atLeast >= 0 && atLeast <= 1)) {
            throw new IllegalArgumentException("an accuracy threshold is in [0, 1], got " + atLeast);
        }
        if (step.isPresent() && step.getAsLong() < 0) {
            throw new IllegalArgumentException("a stage's step condition is >= 0, got " + step.getAsLong());
        }
    }

    /**
     * Whether the condition holds at this evaluation.
     *
     * @param evaluation its step counted as the staged curriculum counts steps
     * @throws IllegalStateException when the evaluation does not report a named component's accuracy
     */
    public boolean holds(Evaluation evaluation) {
        if (step.isPresent() && evaluation.step() >= step.getAsLong()) {
            return true;
        }
        if (accuracyOf.isEmpty()) {
            return false;
        }
        for (String component : accuracyOf) {
            String metric = metric(component);
            OptionalDouble value = evaluation.metric(metric);
            if (value.isEmpty()) {
                throw new IllegalStateException("a stage of the staged curriculum waits for " + metric
                        + ", which the evaluation after step " + evaluation.step() + " does not report (it reports "
                        + String.join(", ", new java.util.TreeSet<>(evaluation.metrics().keySet()))
                        + "); name components that the task tests one by one");
            }
            if (!(value.getAsDouble() >= atLeast)) {
                return false;
            }
        }
        return true;
    }

    /** The metric a component's accuracy is reported as (docs/RUNS.md: {@code <metric>.<set>}). */
    static String metric(String component) {
        return "accuracy." + component;
    }

    @Override
    public String toString() {
        String accuracy = accuracyOf.isEmpty() ? ""
                : "accuracy of " + String.join(", ", accuracyOf) + " >= " + String.format(Locale.ROOT, "%s", atLeast);
        String steps = step.isEmpty() ? "" : "step >= " + step.getAsLong();
        return accuracy.isEmpty() ? steps : steps.isEmpty() ? accuracy : accuracy + " or " + steps;
    }
}
