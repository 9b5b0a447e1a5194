package org.threshold.listops.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.threshold.listops.expression.ChainOfThought;
import org.threshold.listops.expression.Equation;
import org.threshold.listops.expression.Notation;
import org.threshold.listops.expression.RandomExpressions;

/**
 * Draws the equations of one set under the split rule of section 2: distinct equations, each with
 * (test) or without (train) an excluded triplet among the operand lists of every node its chain
 * of thought evaluates. Counts draws and equations longer than the context.
 */
final class EquationSampler implements ChainOfThought.NodeVisitor {

    /** A set that is not full after this many draws per wanted equation cannot be filled (SPEC section 2). */
    static final int DRAWS_PER_EQUATION = 100;

    /** More than this share of draws longer than the context is a config error (SPEC section 1). */
    static final double MAX_REJECTED = 0.01;

    private enum Kind { TRAIN, TEST_SAMPLED, TEST_PLANTED }

    private final ExpressionSpec spec;
    private final ExcludedTriplets excluded;
    private final ChainOfThought chain;
    private final int[] expression;
    private final int[] equation;
    private int[] candidates = new int[64];
    private boolean holdsExcluded;
    private long drawn;
    private long rejected;

    EquationSampler(ExpressionSpec spec, ExcludedTriplets excluded) {
        this.spec = spec;
        this.excluded = excluded;
        this.chain = new ChainOfThought(spec.notation());
        this.expression = new int[spec.context()];
        this.equation = new int[spec.context()];
    }

    long drawn() {
        return drawn;
    }

    long rejected() {
        return rejected;
    }

    @Override
    public void evaluated(int operator, int[] operands, int value) {
        if (operands.length == 3 && excluded.contains(operands[0], operands[1], operands[2])) {
            holdsExcluded = true;
        }
    }

    /**
     * Distinct equations without an excluded triplet.
     *
     * @param set the set's name for messages, e.g. "training set"
     * @param key the config key of its size
     */
    List<Equation> training(RandomExpressions source, int size, String set, String key) {
        return fill(source, Kind.TRAIN, size, null, set, key);
    }

    /**
     * Distinct equations holding an excluded triplet, sampled or planted.
     *
     * @param planting chooses the node and the triplet when planting
     */
    List<Equation> test(RandomExpressions source, boolean planted, int size, SplittableRandom planting, String set, String key) {
        return fill(source, planted ? Kind.TEST_PLANTED : Kind.TEST_SAMPLED, size, planting, set, key);
    }

    private List<Equation> fill(RandomExpressions source, Kind kind, int size, SplittableRandom planting, String set, String key) {
        List<Equation> out = new ArrayList<>(size);
        Set<String> seen = new HashSet<>(size * 2);
        char[] keyChars = new char[spec.context()];
        long budget = (long) DRAWS_PER_EQUATION * size;
        long draws = 0;
        long rejectedHere = 0;
        // Expressions need room for 's' before and '=', the answer and 'e' after them.
        int expressionLimit = spec.context() - 4;
        while (out.size() < size) {
            if (draws >= budget) {
                checkRejected(rejectedHere, draws);
                throw new GenerationException(key, shortfall(kind, set, key, size, out.size(), draws));
            }
            draws++;
            drawn++;
            int length = source.draw(expression, expressionLimit);
            if (length < 0) {
                rejectedHere++;
                rejected++;
                continue;
            }
            if (kind == Kind.TEST_PLANTED && !plant(length, planting)) {
                continue;
            }
            holdsExcluded = false;
            int equationLength = chain.write(expression, length, spec.chainOfThought(), equation, this);
            if (equationLength < 0) {
                rejectedHere++;
                rejected++;
                continue;
            }
            if (holdsExcluded == (kind == Kind.TRAIN)) {
                continue;
            }
            for (int i = 0; i < length; i++) {
                keyChars[i] = (char) expression[i];
            }
            if (!seen.add(new String(keyChars, 0, length))) {
                continue;
            }
            int[] tokens = Arrays.copyOf(equation, equationLength);
            out.add(new Equation(tokens, promptLength(tokens), spec.notation().value(tokens[equationLength - 2])));
        }
        checkRejected(rejectedHere, draws);
        return out;
    }

    private static int promptLength(int[] tokens) {
        int i = 1;
        while (tokens[i] != Notation.STEP && tokens[i] != Notation.EQUALS) {
            i++;
        }
        return i + 1;
    }

    /**
     * Plants an excluded triplet in a uniformly chosen node of exactly three element operands.
     *
     * @return false when the tree has no such node (the caller draws another)
     */
    private boolean plant(int length, SplittableRandom random) {
        Notation notation = spec.notation();
        int count = 0;
        for (int i = 0; i + 5 < length; i++) {
            if (expression[i] == Notation.OPEN && notation.isElement(expression[i + 2]) && notation.isElement(expression[i + 3])
                    && notation.isElement(expression[i + 4]) && expression[i + 5] == Notation.CLOSE) {
                if (count == candidates.length) {
                    candidates = Arrays.copyOf(candidates, 2 * candidates.length);
                }
                candidates[count++] = i;
            }
        }
        if (count == 0) {
            return false;
        }
        int node = candidates[random.nextInt(count)];
        Triplet t = excluded.get(random.nextInt(excluded.size()));
        expression[node + 2] = notation.elementToken(t.first());
        expression[node + 3] = notation.elementToken(t.second());
        expression[node + 4] = notation.elementToken(t.third());
        return true;
    }

    private void checkRejected(long rejectedHere, long draws) {
        if (draws > 0 && rejectedHere > MAX_REJECTED * draws) {
            throw tooLong(rejectedHere, draws, spec.context());
        }
    }

    static GenerationException tooLong(long rejected, long draws, int context) {
        return new GenerationException("context", String.format(Locale.ROOT,
                "%.2f%% of drawn equations (%,d of %,d) are longer than the context of %d tokens, and at most 1%% may be: "
                        + "raise context, or lower depth, args or p_nest", 100.0 * rejected / draws, rejected, draws, context));
    }

    private String shortfall(Kind kind, String set, String key, int size, int found, long draws) {
        String what = switch (kind) {
            case TRAIN -> "distinct equations without an excluded triplet";
            case TEST_SAMPLED -> "distinct equations holding an excluded triplet";
            case TEST_PLANTED -> "distinct equations with an excluded triplet planted";
        };
        String advice = switch (kind) {
            case TRAIN -> "lower " + key + ", or raise modulus, depth or args for more distinct equations";
            case TEST_SAMPLED -> "lower " + key + ", raise excluded, or set test_equations: planted";
            case TEST_PLANTED -> "lower " + key + ", or raise excluded, modulus, depth or args for more distinct equations";
        };
        return String.format(Locale.ROOT, "the %s needs %,d %s but %,d draws (%d per wanted equation) found only %,d: %s",
                set, size, what, draws, DRAWS_PER_EQUATION, found, advice);
    }
}
