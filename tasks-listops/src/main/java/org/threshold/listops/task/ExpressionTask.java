package org.threshold.listops.task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.threshold.api.task.Component;
import org.threshold.api.task.EvalItem;
import org.threshold.api.task.EvalSet;
import org.threshold.api.task.Scorer;
import org.threshold.api.task.Task;
import org.threshold.api.task.Vocabulary;
import org.threshold.listops.expression.Equation;
import org.threshold.listops.expression.Notation;
import org.threshold.listops.split.ExpressionData;

/**
 * A nested-expression task over the Task SPI: the notation's vocabulary, training components,
 * evaluation sets (the headline test set first, named ""), {@link AnswerScorer}, and {@code e}
 * as the stop token. Any operator family can use it.
 *
 * <p>{@link #figures()} holds the chance level of every evaluation set ({@code chance},
 * {@code chance.SUM}, {@code chance.train}) and the figures the data maker adds (rejected
 * equations, excluded triplets).
 */
public final class ExpressionTask implements Task {

    /** Room a completion gets beyond the correct one, as a multiple of its length (see {@link #evalItem}). */
    static final int COMPLETION_ROOM = 2;

    private final Notation notation;
    private final int context;
    private final List<Component> components;
    private final List<EvalSet> evalSets;
    private final Map<String, Double> figures;
    private final String description;
    private final AnswerScorer scorer = new AnswerScorer();

    public ExpressionTask(Notation notation, int context, List<Component> components, List<EvalSet> evalSets,
            Map<String, Double> figures, String description) {
        if (components.isEmpty()) {
            throw new IllegalArgumentException("a task needs at least one training component");
        }
        if (evalSets.isEmpty() || !evalSets.get(0).name().isEmpty()) {
            throw new IllegalArgumentException("the first evaluation set is the headline test set, named \"\"");
        }
        this.notation = notation;
        this.context = context;
        this.components = List.copyOf(components);
        this.evalSets = List.copyOf(evalSets);
        Map<String, Double> all = new LinkedHashMap<>(figures);
        for (EvalSet set : evalSets) {
            all.put(set.metricName("chance"), ChanceLevel.of(set.items()));
        }
        this.figures = Collections.unmodifiableMap(all);
        this.description = description;
    }

    /**
     * The task of generated expression data: its components; the headline set (the first
     * {@code evalSize} test equations), one set per operator, and "train"; figures
     * {@code excluded_triplets}, {@code drawn}, {@code rejected} and {@code rejected_fraction}.
     */
    public static ExpressionTask of(ExpressionData data, String description) {
        int context = data.spec().context();
        int evalSize = data.spec().evalSize();
        List<Component> components = new ArrayList<>();
        for (ExpressionData.ComponentData c : data.training()) {
            components.add(new Component(c.name(), c.weight(), new EquationTrainingSet(c.equations())));
        }
        List<EvalSet> sets = new ArrayList<>();
        sets.add(new EvalSet("", evalItems(data.test().subList(0, Math.min(evalSize, data.test().size())), context)));
        for (ExpressionData.TestSet t : data.operatorTests()) {
            sets.add(new EvalSet(t.name(), evalItems(t.equations(), context)));
        }
        sets.add(new EvalSet("train", evalItems(data.trainSample(), context)));
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("excluded_triplets", (double) data.excluded().size());
        figures.put("drawn", (double) data.drawn());
        figures.put("rejected", (double) data.rejected());
        figures.put("rejected_fraction", data.drawn() == 0 ? 0.0 : data.rejected() / (double) data.drawn());
        return new ExpressionTask(data.spec().notation(), context, components, sets, figures, description);
    }

    /**
     * The test prompt of an equation. Generation may write up to twice the correct completion's
     * length (never past the context), so a chain that goes a little astray still reaches its
     * {@code =} and a model that never stops costs bounded time.
     */
    public static EvalItem evalItem(Equation equation, int context) {
        int[] expected = equation.completion();
        int room = Math.min(context - equation.promptLength(), COMPLETION_ROOM * expected.length);
        return new EvalItem(equation.prompt(), expected, Math.max(room, expected.length));
    }

    public static List<EvalItem> evalItems(List<Equation> equations, int context) {
        List<EvalItem> items = new ArrayList<>(equations.size());
        for (Equation e : equations) {
            items.add(evalItem(e, context));
        }
        return items;
    }

    public Notation notation() {
        return notation;
    }

    @Override
    public Vocabulary vocabulary() {
        return notation.vocabulary();
    }

    @Override
    public int contextLength() {
        return context;
    }

    @Override
    public List<Component> components() {
        return components;
    }

    @Override
    public List<EvalSet> evalSets() {
        return evalSets;
    }

    @Override
    public Scorer scorer() {
        return scorer;
    }

    @Override
    public OptionalInt stopToken() {
        return OptionalInt.of(Notation.END);
    }

    @Override
    public Map<String, Double> figures() {
        return figures;
    }

    @Override
    public String describe() {
        return description;
    }
}
