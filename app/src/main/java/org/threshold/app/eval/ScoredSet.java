package org.threshold.app.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.threshold.api.task.EvalItem;
import org.threshold.api.task.EvalSet;
import org.threshold.api.task.Protocol;
import org.threshold.api.task.Scorer;
import org.threshold.api.task.Task;
import org.threshold.api.task.Vocabulary;
import org.threshold.runs.Table;

/**
 * One test set scored prompt by prompt ({@code threshold eval}): the metrics the trainer reports
 * for it (the mean of each score), how many prompts were passed (the scorer's headline metric at
 * 1), and, for a set that follows a published protocol, that protocol's verdict.
 *
 * @param name the set's name as {@code --set} writes it ({@code test} for the headline set)
 * @param set the set
 * @param completions what the model wrote after each prompt, in the set's order
 * @param passed whether each prompt's headline score is 1
 * @param metrics metric name (as in metrics.jsonl) to the mean score
 * @param protocol the protocol the set follows, if any
 */
public record ScoredSet(String name, EvalSet set, List<int[]> completions, List<Boolean> passed, Map<String, Double> metrics,
                        Optional<Protocol> protocol) {

    public ScoredSet {
        completions = List.copyOf(completions);
        passed = List.copyOf(passed);
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** Scores the completions of {@code set}'s prompts with the task's scorer. */
    public static ScoredSet of(Task task, String name, EvalSet set, List<int[]> completions) {
        List<EvalItem> items = set.items();
        if (completions.size() != items.size()) {
            throw new IllegalArgumentException(completions.size() + " completions for the " + items.size() + " prompts of set " + name);
        }
        Scorer scorer = task.scorer();
        List<String> names = scorer.metrics();
        double[] sums = new double[names.size()];
        List<Boolean> passed = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Map<String, Double> scores = scorer.score(items.get(i), completions.get(i));
            for (int m = 0; m < names.size(); m++) {
                sums[m] += scores.get(names.get(m));
            }
            passed.add(scores.get(names.get(0)) >= 1.0);
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int m = 0; m < names.size(); m++) {
            metrics.put(set.metricName(names.get(m)), sums[m] / items.size());
        }
        return new ScoredSet(name, set, completions, passed, metrics, task.protocol(set.name()));
    }

    public int total() {
        return passed.size();
    }

    public int passedCount() {
        return (int) passed.stream().filter(p -> p).count();
    }

    public double accuracy() {
        return (double) passedCount() / total();
    }

    /** Whether the model qualifies under the set's protocol; empty for a set without one. */
    public Optional<Boolean> qualifies() {
        return protocol.map(p -> accuracy() >= p.qualifyingAccuracy());
    }

    /** Indices of the prompts not passed, in the set's order. */
    public List<Integer> failures() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < passed.size(); i++) {
            if (!passed.get(i)) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * One row per prompt: for a protocol's set its columns (AdderBoard: {@code a,b}), then the
     * expected and predicted answers as the protocol reads them; otherwise the prompt, expected and
     * predicted completions as text. Then {@code correct} ({@code true}/{@code false}).
     */
    public Table predictions(Vocabulary vocabulary) {
        List<String> columns = new ArrayList<>(protocol.map(Protocol::columns).orElse(List.of("prompt")));
        columns.addAll(List.of("expected", "predicted", "correct"));
        Table.Builder table = Table.withColumns(columns);
        for (int i = 0; i < total(); i++) {
            EvalItem item = set.items().get(i);
            List<Object> row = new ArrayList<>();
            if (protocol.isPresent()) {
                row.addAll(protocol.get().describe(item));
                row.add(protocol.get().answer(item.expected()));
                row.add(protocol.get().answer(completions.get(i)));
            } else {
                row.add(vocabulary.render(item.prompt()));
                row.add(vocabulary.render(item.expected()));
                row.add(vocabulary.render(completions.get(i)));
            }
            row.add(passed.get(i));
            table.row(row.toArray());
        }
        return table.build();
    }

    /** One line naming a failed prompt: the protocol's columns, or the prompt's text. */
    public String failure(int index, Vocabulary vocabulary) {
        EvalItem item = set.items().get(index);
        if (protocol.isPresent()) {
            Protocol p = protocol.get();
            List<String> values = p.describe(item);
            List<String> parts = new ArrayList<>();
            for (int c = 0; c < values.size(); c++) {
                parts.add(p.columns().get(c) + "=" + values.get(c));
            }
            return String.join(" ", parts) + ": expected " + p.answer(item.expected()) + ", got " + p.answer(completions.get(index));
        }
        return vocabulary.render(item.prompt()) + " expected " + vocabulary.render(item.expected()) + ", got "
                + vocabulary.render(completions.get(index));
    }

    /** {@code 99.95%}. */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * share);
    }
}
