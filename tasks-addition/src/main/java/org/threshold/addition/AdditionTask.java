package org.threshold.addition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import org.threshold.api.task.Component;
import org.threshold.api.task.EvalItem;
import org.threshold.api.task.EvalSet;
import org.threshold.api.task.Protocol;
import org.threshold.api.task.Scorer;
import org.threshold.api.task.Task;
import org.threshold.api.task.TrainingSet;
import org.threshold.api.task.Vocabulary;

/**
 * Addition of two numbers of up to {@code digits} digits, written digit by digit (SPEC section 9).
 *
 * <p>Components {@code len1 … len<digits>}: pairs whose operands are both uniform below 10^k,
 * written in the task's full width, so that a staged curriculum can grow the length; the task
 * weights only the full length. Eval sets, in this order: the headline set (random held-out pairs
 * of full length, {@code eval_size}), with {@code length_eval_size} a set per length named as its
 * component, and {@code adderboard}, AdderBoard's 10,010 cases in verify.py's order, scored at the
 * end of a run only. No training example is a pair of any test set.
 */
final class AdditionTask implements Task {

    /** The name of the AdderBoard set; its metrics are {@code accuracy.adderboard} and {@code digit_accuracy.adderboard}. */
    static final String ADDERBOARD = "adderboard";

    private final AdditionConfig config;
    private final AdditionNotation notation;
    private final List<Component> components;
    private final List<EvalSet> evalSets;
    private final List<Operands> testPairs;

    AdditionTask(AdditionConfig config, long seed) {
        this.config = config;
        this.notation = new AdditionNotation(config.digits(), config.order(), config.pad());
        int digits = config.digits();
        PairSpace full = new PairSpace(digits);

        Set<Operands> heldOut = new HashSet<>();
        this.testPairs = full.distinct(new SplittableRandom(DerivedSeed.of(seed, "test")), config.evalSize(), Set.of());
        heldOut.addAll(testPairs);
        List<EvalSet> sets = new ArrayList<>();
        List<EvalItem> headline = items(testPairs);
        sets.add(new EvalSet("", headline));
        if (config.lengthEvalSize() > 0) {
            for (int k = 1; k < digits; k++) {
                int size = Math.min(config.lengthEvalSize(), AdditionConfig.halfOf(k));
                List<Operands> pairs = new PairSpace(k).distinct(new SplittableRandom(DerivedSeed.of(seed, "test len" + k)), size,
                        Set.of());
                heldOut.addAll(pairs);
                sets.add(new EvalSet(componentName(k), items(pairs)));
            }
            // the headline set's pairs are already of full length: the full length's set is its start
            sets.add(new EvalSet(componentName(digits), headline.subList(0, Math.min(config.lengthEvalSize(), headline.size()))));
        }
        if (config.adderboard()) {
            heldOut.addAll(AdderBoard.cases());
            sets.add(EvalSet.atEndOfRun(ADDERBOARD, items(AdderBoard.cases())));
        }
        this.evalSets = List.copyOf(sets);

        Set<Operands> held = Collections.unmodifiableSet(heldOut);
        List<Component> parts = new ArrayList<>();
        for (int k = 1; k <= digits; k++) {
            parts.add(new Component(componentName(k), k == digits ? 1.0 : 0.0, trainingSet(new PairSpace(k), held, seed)));
        }
        this.components = List.copyOf(parts);
    }

    /** The component (and length test set) of operands of at most {@code length} digits. */
    static String componentName(int length) {
        return "len" + length;
    }

    private TrainingSet trainingSet(PairSpace space, Set<Operands> heldOut, long seed) {
        long held = space.countIn(heldOut);
        if (space.size() != Long.MAX_VALUE && held >= space.size()) {
            throw new IllegalArgumentException("the test sets hold all " + space.size() + " pairs of " + space.length()
                    + "-digit operands, so " + componentName(space.length()) + " has none to train on; lower eval_size or "
                    + "length_eval_size");
        }
        if (config.trainSize().isEmpty()) {
            return new PairStream(space, notation, heldOut, seed);
        }
        int asked = config.trainSize().getAsInt();
        long available = space.size() == Long.MAX_VALUE ? Long.MAX_VALUE : space.size() - held;
        if (space.length() == config.digits() && asked > available) {
            throw new IllegalArgumentException("train_size " + asked + " does not fit: of the " + space.size() + " pairs of "
                    + space.length() + "-digit operands the test sets hold " + held + ", leaving " + available
                    + "; lower train_size");
        }
        // a shorter length has fewer pairs than the full set asks for: it trains on all it has
        return new FixedPairs(space, (int) Math.min(asked, available), heldOut, seed, notation);
    }

    private List<EvalItem> items(List<Operands> pairs) {
        List<EvalItem> out = new ArrayList<>(pairs.size());
        for (Operands p : pairs) {
            out.add(notation.item(p));
        }
        return out;
    }

    AdditionNotation notation() {
        return notation;
    }

    /** The headline test set's pairs, in its order. */
    List<Operands> testPairs() {
        return testPairs;
    }

    @Override
    public Vocabulary vocabulary() {
        return notation.vocabulary();
    }

    @Override
    public int contextLength() {
        return notation.contextLength();
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
        return new AdditionScorer();
    }

    @Override
    public Optional<Protocol> protocol(String set) {
        return set.equals(ADDERBOARD) && config.adderboard() ? Optional.of(new AdderBoardProtocol(notation)) : Optional.empty();
    }

    @Override
    public OptionalInt stopToken() {
        return OptionalInt.of(AdditionNotation.END_ID);
    }

    /** The operands are random givens: the loss counts the sum's digits and its {@code e} only. */
    @Override
    public boolean completionLossByDefault() {
        return true;
    }

    @Override
    public String describe() {
        String data = config.trainSize().isPresent()
                ? String.format(Locale.ROOT, "a fixed set of %,d pairs per length", config.trainSize().getAsInt())
                : "fresh pairs every step";
        return String.format(Locale.ROOT, "%d-digit addition, %s first%s, %s; test %,d held-out pairs%s", config.digits(),
                config.order().word(), config.pad() ? ", zero-padded" : "", data, config.evalSize(),
                config.adderboard() ? ", AdderBoard's 10,010 cases at the end" : "");
    }
}
