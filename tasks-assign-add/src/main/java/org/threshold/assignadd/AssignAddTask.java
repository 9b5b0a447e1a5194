package org.threshold.assignadd;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.threshold.api.task.Component;
import org.threshold.api.task.EvalItem;
import org.threshold.api.task.EvalSet;
import org.threshold.api.task.Example;
import org.threshold.api.task.Phase;
import org.threshold.api.task.Scorer;
import org.threshold.api.task.SumPrompts;
import org.threshold.api.task.Task;
import org.threshold.api.task.Vocabulary;

/**
 * Variable assignment and modular addition (SPEC section 8).
 *
 * <p>Components {@code direct} (all n² sums), {@code lookup}, {@code routed} and {@code chain}
 * ({@code train_size} distinct examples each), weighted equally. Test sets, in this order: the
 * headline set (empty name; {@code eval_size} prompts taken in turn from the six below), then
 * {@code direct} (all n² prompts, all of which training holds: it measures the skill),
 * {@code lookup}, {@code routed}, {@code chain} (in distribution, none of them a training
 * example), {@code routed.held_out} and {@code lookup.held_out} (the query reads a variable bound
 * to one of its held-out values). The headline metric is {@code accuracy.routed.held_out}.
 */
final class AssignAddTask implements Task {

    static final String DIRECT = "direct";
    static final String LOOKUP = "lookup";
    static final String ROUTED = "routed";
    static final String CHAIN = "chain";
    static final String ROUTED_HELD_OUT = "routed.held_out";
    static final String LOOKUP_HELD_OUT = "lookup.held_out";
    /** The named test sets, in the task's order. */
    static final List<String> SETS = List.of(DIRECT, LOOKUP, ROUTED, CHAIN, ROUTED_HELD_OUT, LOOKUP_HELD_OUT);
    /** SPEC section 8: a phase begins where a set's accuracy first reaches 0.9. */
    static final double PHASE_LEVEL = 0.9;

    private final AssignAddConfig config;
    private final AssignAddNotation notation;
    private final CompositionalSplit split;
    private final List<Component> components;
    private final List<EvalSet> evalSets;

    AssignAddTask(AssignAddConfig config, long seed) {
        this.config = config;
        this.notation = new AssignAddNotation(config.modulus(), config.variables());
        this.split = new CompositionalSplit(config.modulus(), config.variables(), config.heldOut());
        ProgramGenerator generator = new ProgramGenerator(split, config.minBindings(), config.maxBindings());
        int n = config.modulus();

        List<Program> direct = new ArrayList<>(n * n);
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                direct.add(generator.direct(x, y));
            }
        }
        Map<String, List<Program>> tests = new LinkedHashMap<>();
        tests.put(DIRECT, direct);
        tests.put(LOOKUP, test(LOOKUP, seed, rng -> generator.lookup(rng, false)));
        tests.put(ROUTED, test(ROUTED, seed, rng -> generator.routed(rng, false)));
        tests.put(CHAIN, test(CHAIN, seed, generator::chain));
        tests.put(ROUTED_HELD_OUT, test(ROUTED_HELD_OUT, seed, rng -> generator.routed(rng, true)));
        tests.put(LOOKUP_HELD_OUT, test(LOOKUP_HELD_OUT, seed, rng -> generator.lookup(rng, true)));

        List<Component> parts = new ArrayList<>();
        parts.add(new Component(QueryKind.DIRECT.word(), 1.0, new FixedExamples(examples(direct))));
        for (QueryKind kind : List.of(QueryKind.LOOKUP, QueryKind.ROUTED, QueryKind.CHAIN)) {
            // the in-distribution test set of the same kind is left out; the held-out sets need no
            // exclusion, since no training example binds a held-out pair
            Set<String> excluded = tests.get(kind.word()).stream().map(p -> DistinctPrograms.key(notation.prompt(p)))
                    .collect(Collectors.toSet());
            List<Program> train = DistinctPrograms.draw(kind.word() + " training", "train_size", config.trainSize(),
                    new SplittableRandom(StreamSeed.of(seed, "train " + kind.word())), rng -> generator.draw(kind, rng), excluded,
                    notation::prompt);
            parts.add(new Component(kind.word(), 1.0, new FixedExamples(examples(train))));
        }
        this.components = List.copyOf(parts);

        List<EvalSet> sets = new ArrayList<>();
        sets.add(new EvalSet("", headline(tests, config.evalSize())));
        tests.forEach((name, programs) -> sets.add(new EvalSet(name, items(programs))));
        this.evalSets = List.copyOf(sets);
    }

    private List<Program> test(String name, long seed, Function<SplittableRandom, Program> draw) {
        return DistinctPrograms.draw(name + " test", "eval_size", config.evalSize(),
                new SplittableRandom(StreamSeed.of(seed, "test " + name)), draw, Set.of(), notation::prompt);
    }

    /** {@code size} prompts taken in turn from the sets, so that the headline weighs every kind alike. */
    private List<EvalItem> headline(Map<String, List<Program>> tests, int size) {
        List<List<Program>> sets = new ArrayList<>(tests.values());
        List<EvalItem> out = new ArrayList<>(size);
        for (int i = 0; out.size() < size; i++) {
            boolean any = false;
            for (List<Program> set : sets) {
                if (i < set.size() && out.size() < size) {
                    out.add(notation.item(set.get(i)));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return out;
    }

    private List<Example> examples(List<Program> programs) {
        List<Example> out = new ArrayList<>(programs.size());
        programs.forEach(p -> out.add(notation.example(p)));
        return out;
    }

    private List<EvalItem> items(List<Program> programs) {
        List<EvalItem> out = new ArrayList<>(programs.size());
        programs.forEach(p -> out.add(notation.item(p)));
        return out;
    }

    AssignAddNotation notation() {
        return notation;
    }

    CompositionalSplit split() {
        return split;
    }

    @Override
    public Vocabulary vocabulary() {
        return notation.vocabulary();
    }

    @Override
    public int contextLength() {
        return AssignAddNotation.contextLength(config.maxBindings());
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
        return new AssignAddScorer();
    }

    @Override
    public OptionalInt stopToken() {
        return OptionalInt.of(notation.endId());
    }

    /** The study's question: do held-out combinations, routed through variables, come out right? */
    @Override
    public String headlineMetric() {
        return AssignAddScorer.ACCURACY + "." + ROUTED_HELD_OUT;
    }

    /** Per named test set, the first evaluation at which its accuracy reaches 0.9: {@code phase.direct}, …. */
    @Override
    public List<Phase> phases() {
        List<Phase> out = new ArrayList<>();
        for (String set : SETS) {
            out.add(new Phase("phase." + set, AssignAddScorer.ACCURACY + "." + set, PHASE_LEVEL));
        }
        return out;
    }

    /** {@code sx+y=} and {@code su=x,w=y;u+w=} with u and w free to hold x and y in training, for the component-reuse probe. */
    @Override
    public Optional<SumPrompts> sumPrompts() {
        return Optional.of(new AssignAddSumPrompts(notation, split));
    }

    /** The bindings and the queried variables are random givens: the loss counts the answer and its {@code e}. */
    @Override
    public boolean completionLossByDefault() {
        return true;
    }

    /** Per test set, the share of its most frequent answer ({@code chance.routed.held_out}, …): what always writing it scores. */
    @Override
    public Map<String, Double> figures() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (EvalSet set : evalSets) {
            Map<Integer, Integer> counts = new HashMap<>();
            int most = 0;
            for (EvalItem item : set.items()) {
                most = Math.max(most, counts.merge(item.expected()[0], 1, Integer::sum));
            }
            out.put(set.metricName("chance"), (double) most / set.items().size());
        }
        return out;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "assign-add mod %d, %d variables, %d to %d bindings, each variable holding out %d of "
                        + "%d values (held_out %s); %,d training examples per query kind, %,d test prompts per set",
                config.modulus(), config.variables(), config.minBindings(), config.maxBindings(), split.perVariable(),
                config.modulus(), config.heldOut(), config.trainSize(), config.evalSize());
    }
}
