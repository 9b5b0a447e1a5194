package org.threshold.trainer.stopping;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.threshold.trainer.TrainingConfig;

/**
 * {@code training.stop_at}: the run ends at the first evaluation, in its last curriculum stage,
 * whose metric reaches the target. The gate is early stopping's (the curriculum's
 * {@code Stage.last()}), so a staged curriculum whose first stage already scores the target goes on
 * to its later stages. The rule holds no state: whether an evaluation ends the run depends on that
 * evaluation alone, and a run resumed from a checkpoint decides as the uninterrupted run did.
 */
public final class Target {

    private final Optional<TrainingConfig.StopAt> stopAt;

    /**
     * @param stopAt the config's target, empty when it sets none
     * @param everyEvaluation the metrics every evaluation reports (metrics.jsonl)
     * @param finalOnly the metrics only a run's last evaluation reports (final-only sets), which
     *     cannot decide that an evaluation is the last
     * @throws IllegalArgumentException naming {@code training.stop_at.metric} and the metrics there
     *     are, when the target's metric is not one every evaluation reports
     */
    public Target(Optional<TrainingConfig.StopAt> stopAt, Set<String> everyEvaluation, Set<String> finalOnly) {
        stopAt.ifPresent(t -> {
            String problem = problem(t.metric(), everyEvaluation, finalOnly);
            if (!problem.isEmpty()) {
                throw new IllegalArgumentException("training.stop_at.metric: " + problem);
            }
        });
        this.stopAt = stopAt;
    }

    /**
     * What is wrong with {@code metric} as a target's metric, in the words of a config problem
     * ("expected ..., found ..."); empty when nothing is.
     */
    public static String problem(String metric, Collection<String> everyEvaluation, Collection<String> finalOnly) {
        if (everyEvaluation.contains(metric)) {
            return "";
        }
        String expected = "expected one of the metrics every evaluation reports (" + String.join(", ", everyEvaluation) + ")";
        if (finalOnly.contains(metric)) {
            return expected + ", found '" + metric + "', which only the run's last evaluation reports (its test set is final-only),"
                    + " so no evaluation before the end could reach it";
        }
        return expected + ", found '" + metric + "'";
    }

    /** Whether the config sets a target. */
    public boolean isSet() {
        return stopAt.isPresent();
    }

    /**
     * Whether an evaluation ends the run.
     *
     * @param metrics the evaluation's metrics
     * @param lastStage whether the curriculum was in its last stage during the steps before it
     */
    public boolean reached(Map<String, Double> metrics, boolean lastStage) {
        if (stopAt.isEmpty() || !lastStage) {
            return false;
        }
        Double value = metrics.get(stopAt.get().metric());
        if (value == null) { // the constructor checked the name against the evaluator's: a broken evaluator
            throw new IllegalStateException("the evaluation did not report " + stopAt.get().metric() + ", the metric of training.stop_at;"
                    + " it reported " + metrics.keySet());
        }
        return value >= stopAt.get().value();
    }

    /** result.json's message for a run that reached it, with the value its last evaluation scored. */
    public String message(Map<String, Double> lastMetrics, long step) {
        if (stopAt.isEmpty()) { // a checkpoint that ended at a target, read by a loop whose config sets none
            return "an evaluation reached the target of training.stop_at at step " + step;
        }
        TrainingConfig.StopAt t = stopAt.get();
        return String.format(Locale.ROOT, "%s reached %.4f at step %d, at least the target %s (training.stop_at)",
                t.metric(), lastMetrics.get(t.metric()), step, t.value());
    }
}
