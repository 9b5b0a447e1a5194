package org.threshold.trainer.evaluation;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.threshold.api.task.EvalItem;
import org.threshold.api.task.EvalSet;
import org.threshold.api.task.Scorer;
import org.threshold.api.task.Task;

/**
 * Scores a model on the test sets of a task: greedy completions of the prompts, scored one by one
 * by the task's {@link Scorer} and averaged per set. Metric names follow
 * {@link EvalSet#metricName}: {@code accuracy} for the headline set, {@code accuracy.SUM},
 * {@code exact_match.train}, ... for the others. Sets marked {@link EvalSet#finalOnly()} are
 * scored only when asked for the end of a run.
 */
public final class Evaluator {

    private final Task task;

    public Evaluator(Task task) {
        this.task = task;
        for (EvalSet set : task.evalSets()) {
            if (set.items().isEmpty()) {
                throw new IllegalArgumentException("the test set '" + set.name() + "' of task " + task.describe()
                        + " has no prompts; an average over none is no score");
            }
        }
    }

    /** Every set, final-only ones included: metric name to the mean score over its set (see {@link #evaluate(Decoder, boolean)}). */
    public Map<String, Double> evaluate(Decoder decoder) {
        return evaluate(decoder, true);
    }

    /**
     * Metric name to the mean score over its set, sets in the task's order, metrics in the scorer's.
     *
     * @param endOfRun whether this is a run's last evaluation, which also scores the final-only sets
     */
    public Map<String, Double> evaluate(Decoder decoder, boolean endOfRun) {
        return score(decoder, set -> endOfRun || !set.finalOnly());
    }

    /**
     * The metrics of an evaluation that turned out to be the run's last only once it was scored
     * (its target reached, {@code training.stop_at}): {@code scored}, which has every set's but
     * the final-only ones', with the final-only sets scored now, in the order
     * {@link #evaluate(Decoder, boolean)} gives for a last evaluation.
     */
    public Map<String, Double> withFinalOnly(Decoder decoder, Map<String, Double> scored) {
        Map<String, Double> finalOnly = score(decoder, EvalSet::finalOnly);
        if (finalOnly.isEmpty()) {
            return scored;
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (EvalSet set : task.evalSets()) {
            for (String m : task.scorer().metrics()) {
                String name = set.metricName(m);
                metrics.put(name, set.finalOnly() ? finalOnly.get(name) : scored.get(name));
            }
        }
        return metrics;
    }

    private Map<String, Double> score(Decoder decoder, Predicate<EvalSet> which) {
        Scorer scorer = task.scorer();
        List<String> names = scorer.metrics();
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (EvalSet set : task.evalSets()) {
            if (!which.test(set)) {
                continue;
            }
            List<EvalItem> items = set.items();
            List<int[]> generated = decoder.complete(items);
            if (generated.size() != items.size()) {
                throw new IllegalStateException("the decoder gave " + generated.size() + " completions for "
                        + items.size() + " prompts");
            }
            double[] sums = new double[names.size()];
            for (int i = 0; i < items.size(); i++) {
                Map<String, Double> scores = scorer.score(items.get(i), generated.get(i));
                for (int m = 0; m < names.size(); m++) {
                    Double s = scores.get(names.get(m));
                    if (s == null || !(s >= 0 && s <= 1)) {
                        throw new IllegalStateException("the scorer of " + task.describe() + " gave " + names.get(m)
                                + " = " + s + " for a prompt of set '" + set.name() + "'; scores are in [0, 1]");
                    }
                    sums[m] += s;
                }
            }
            for (int m = 0; m < names.size(); m++) {
                metrics.put(set.metricName(names.get(m)), sums[m] / items.size());
            }
        }
        return metrics;
    }

    /** The metrics every evaluation reports: those of the sets that are not final-only. */
    public Set<String> everyEvaluationMetrics() {
        Set<String> out = new LinkedHashSet<>();
        for (EvalSet set : task.evalSets()) {
            if (!set.finalOnly()) {
                task.scorer().metrics().forEach(m -> out.add(set.metricName(m)));
            }
        }
        return out;
    }

    /** The metrics only a run's last evaluation reports: those of the final-only sets. */
    public Set<String> finalOnlyMetrics() {
        Set<String> out = new LinkedHashSet<>();
        for (EvalSet set : task.evalSets()) {
            if (set.finalOnly()) {
                task.scorer().metrics().forEach(m -> out.add(set.metricName(m)));
            }
        }
        return out;
    }
}
