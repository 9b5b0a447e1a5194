package org.threshold.listops.task;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.threshold.api.config.ConfigSection;
import org.threshold.listops.expression.Mixing;
import org.threshold.listops.expression.Notation;
import org.threshold.listops.expression.Operator;
import org.threshold.listops.expression.OperatorMixture;
import org.threshold.listops.expression.TreeShape;
import org.threshold.listops.split.ExcludedTriplets;
import org.threshold.listops.split.ExpressionSpec;
import org.threshold.listops.split.TestEquations;

/**
 * The config keys every nested-expression task shares (SPEC sections 1 and 2), with their
 * defaults in one place. A task family binds its own keys (the modulus, group blocks, ...) and
 * these with {@link #bind}.
 *
 * <pre>
 *   operators       required     weights by name {MAX: 1, SUM: 2} or a list [MAX, SUM] (weight 1 each)
 *   mixing          within       within | per-expression
 *   depth           2            maximum nesting level, 1..32
 *   args            [2, 3]       operand-count range [min, max]; must include 3 (the split holds out triplets)
 *   p_nest          0.3          probability that an operand is a sub-expression while the depth allows
 *   cot             true         chain of thought
 *   context         128          longest equation in tokens
 *   train_size      45000        training equations (split evenly among operators with per-expression mixing)
 *   test_size       2000         headline test equations
 *   eval_size       1000         prompts per evaluation set (headline, per operator, train)
 *   excluded        min(100, ⌊0.1·n³⌋)  excluded ordered triplets
 *   test_equations  auto         auto | sampled | planted
 * </pre>
 *
 * @param operators operator names with weights, in config order
 */
public record ExpressionSettings(
        Map<String, Double> operators,
        Mixing mixing,
        TreeShape shape,
        boolean chainOfThought,
        int context,
        int trainSize,
        int testSize,
        int evalSize,
        int excluded,
        TestEquations testEquations) {

    public static final int DEFAULT_CONTEXT = 128;
    public static final int DEFAULT_TRAIN_SIZE = 45_000;
    public static final int DEFAULT_TEST_SIZE = 2_000;
    public static final int DEFAULT_EVAL_SIZE = 1_000;
    public static final int MAX_CONTEXT = 4096;
    public static final int MAX_TRAIN_SIZE = 10_000_000;
    public static final int MAX_TEST_SIZE = 1_000_000;
    public static final int MAX_EXCLUDED = 10_000_000;

    /** The keys that only expression data uses (a family's triplet-style mode reports them as not applying). */
    public static final List<String> SHAPE_AND_SIZE_KEYS = List.of("mixing", "depth", "args", "p_nest", "train_size", "test_size",
            "test_equations");
    /** The keys that only triplet mode uses (appendix C's datasets and test operator). */
    public static final List<String> TRIPLET_KEYS = List.of("triplet_dataset", "test_operator");

    /**
     * Reports every key of the other mode that is present (ListOps and the permutation task share
     * the two modes). Absent keys are not asked for, so they stay out of the resolved config.
     */
    public static void rejectOtherModeKeys(ConfigSection s, boolean triplets) {
        for (String key : triplets ? SHAPE_AND_SIZE_KEYS : TRIPLET_KEYS) {
            if (s.has(key)) {
                s.node(key);
                s.problem(key, triplets
                        ? key + " does not apply to mode: triplets, whose equations are one operator on 3 elements over all n^3 "
                                + "triplets; remove it"
                        : key + " applies only to mode: triplets; remove it or set mode: triplets");
            }
        }
    }

    public ExpressionSettings {
        operators = Collections.unmodifiableMap(new LinkedHashMap<>(operators));
        if (operators.isEmpty()) {
            throw new IllegalArgumentException("operators: at least one operator is needed");
        }
    }

    /** The paper's defaults (SPEC sections 1 and 2) for these operators and an algebra of {@code elements} elements. */
    public static ExpressionSettings defaults(Map<String, Double> operators, int elements) {
        return new ExpressionSettings(operators, Mixing.WITHIN, TreeShape.PAPER, true, DEFAULT_CONTEXT, DEFAULT_TRAIN_SIZE,
                DEFAULT_TEST_SIZE, DEFAULT_EVAL_SIZE, ExcludedTriplets.defaultCount(elements), TestEquations.AUTO);
    }

    /**
     * Binds the shared keys. Problems go to the section at their key; where a value is unusable
     * the default takes its place so that binding goes on and every problem is reported.
     *
     * @param family the family's operator names, in vocabulary order
     * @param elements the algebra's size (for the default and the limit of {@code excluded})
     * @param defaultOperators used when {@code operators} is absent; empty makes the key required
     */
    public static ExpressionSettings bind(ConfigSection s, List<String> family, int elements, Map<String, Double> defaultOperators) {
        return bind(s, family, elements, defaultOperators, true);
    }

    /**
     * Binds the keys that apply to data of single 3-operand nodes (a family's triplet mode):
     * operators, cot, context, eval_size and excluded. The keys of {@link #SHAPE_AND_SIZE_KEYS}
     * are not asked for, so they neither enter the resolved config nor become known; a family
     * that wants to explain why they do not apply asks for them itself.
     */
    public static ExpressionSettings bindSingleNodes(ConfigSection s, List<String> family, int elements,
            Map<String, Double> defaultOperators) {
        return bind(s, family, elements, defaultOperators, false);
    }

    private static ExpressionSettings bind(ConfigSection s, List<String> family, int elements, Map<String, Double> defaultOperators,
            boolean trees) {
        Map<String, Double> fallback = defaultOperators.isEmpty() ? Map.of(family.get(0), 1.0) : defaultOperators;
        if (defaultOperators.isEmpty() && !s.has("operators")) {
            s.problem("operators", "required: the operators to mix, with weights such as {MAX: 1, MED: 1, SUM: 1} or as a list "
                    + "[MAX, MED, SUM]; the operators are " + family);
        }
        Map<String, Double> operators = s.weights("operators", fallback, family);
        if (operators.isEmpty()) {
            operators = fallback;
        }
        ExpressionSettings defaults = defaults(operators, elements);
        Mixing mixing = defaults.mixing();
        TreeShape shape = defaults.shape();
        int trainSize = defaults.trainSize();
        int testSize = defaults.testSize();
        TestEquations testEquations = defaults.testEquations();
        if (trees) {
            mixing = s.choice("mixing", Mixing.WITHIN);
            shape = shape(s);
            trainSize = s.integer("train_size", DEFAULT_TRAIN_SIZE, 1, MAX_TRAIN_SIZE);
            testSize = s.integer("test_size", DEFAULT_TEST_SIZE, 1, MAX_TEST_SIZE);
            testEquations = s.choice("test_equations", TestEquations.AUTO);
        }
        boolean cot = s.flag("cot", true);
        int context = s.integer("context", DEFAULT_CONTEXT, ExpressionSpec.MIN_CONTEXT, MAX_CONTEXT);
        int evalSize = s.integer("eval_size", DEFAULT_EVAL_SIZE, 1, MAX_TEST_SIZE);
        if (trees) {
            if (evalSize > testSize) {
                s.problem("eval_size", "eval_size " + evalSize + " exceeds test_size " + testSize
                        + "; the scored prompts come from the test set, so lower eval_size or raise test_size");
                evalSize = testSize;
            }
            if (evalSize > trainSize) {
                s.problem("eval_size", "eval_size " + evalSize + " exceeds train_size " + trainSize + " (the \"train\" set shows "
                        + "eval_size training equations); lower eval_size or raise train_size");
                evalSize = trainSize;
            }
            if (mixing == Mixing.PER_EXPRESSION && trainSize < operators.size()) {
                s.problem("train_size", "per-expression mixing splits train_size evenly among the " + operators.size()
                        + " operators; raise it to at least " + operators.size());
                trainSize = DEFAULT_TRAIN_SIZE;
            }
        }
        int defaultExcluded = ExcludedTriplets.defaultCount(elements);
        long triplets = ExcludedTriplets.count(elements);
        int excluded = s.integer("excluded", defaultExcluded, 0, MAX_EXCLUDED);
        if (excluded > triplets) {
            s.problem("excluded", elements + " elements have only " + triplets + " ordered triplets; excluded is " + excluded);
            excluded = Math.max(1, defaultExcluded);
        } else if (excluded == 0) {
            s.problem("excluded", "test equations hold an excluded triplet, so at least one is needed"
                    + (s.has("excluded") ? "" : "; the default min(100, floor(0.1 n^3)) is 0 for " + elements + " elements")
                    + ": set excluded to 1 or more");
            excluded = 1;
        }
        return new ExpressionSettings(operators, mixing, shape, cot, context, trainSize, testSize, evalSize, excluded, testEquations);
    }

    private static TreeShape shape(ConfigSection s) {
        int depth = s.integer("depth", TreeShape.PAPER.depth(), 1, TreeShape.MAX_DEPTH);
        List<Integer> args = s.integers("args", List.of(TreeShape.PAPER.minArgs(), TreeShape.PAPER.maxArgs()), 1, TreeShape.MAX_ARGS);
        int minArgs = TreeShape.PAPER.minArgs();
        int maxArgs = TreeShape.PAPER.maxArgs();
        if (args.size() != 2 || args.get(0) > args.get(1)) {
            s.problem("args", "args is the operand-count range [min, max] with min <= max, e.g. [2, 3]; found " + args);
        } else if (args.get(0) > 3 || args.get(1) < 3) {
            s.problem("args", "the split holds out operand triplets, so the range must include 3 operands; found " + args);
        } else {
            minArgs = args.get(0);
            maxArgs = args.get(1);
        }
        double pNest = s.number("p_nest", TreeShape.PAPER.pNest(), 0, 1);
        return new TreeShape(depth, minArgs, maxArgs, pNest);
    }

    /** The operator mixture of these settings over a notation's operators. */
    public OperatorMixture mixture(Notation notation) {
        List<Operator> ops = operators.keySet().stream()
                .map(name -> notation.operator(name).orElseThrow(() -> new IllegalArgumentException(
                        "'" + name + "' is not an operator of " + notation)))
                .toList();
        return new OperatorMixture(ops, List.copyOf(operators.values()), mixing);
    }

    /** The data spec of these settings over a notation. */
    public ExpressionSpec spec(Notation notation) {
        return new ExpressionSpec(notation, mixture(notation), shape, chainOfThought, context, trainSize, testSize, evalSize, excluded,
                testEquations);
    }

    public ExpressionSettings withShape(TreeShape shape) {
        return new ExpressionSettings(operators, mixing, shape, chainOfThought, context, trainSize, testSize, evalSize, excluded, testEquations);
    }

    public ExpressionSettings withMixing(Mixing mixing) {
        return new ExpressionSettings(operators, mixing, shape, chainOfThought, context, trainSize, testSize, evalSize, excluded, testEquations);
    }

    public ExpressionSettings withContext(int context) {
        return new ExpressionSettings(operators, mixing, shape, chainOfThought, context, trainSize, testSize, evalSize, excluded, testEquations);
    }

    public ExpressionSettings withSizes(int trainSize, int testSize, int evalSize) {
        return new ExpressionSettings(operators, mixing, shape, chainOfThought, context, trainSize, testSize, evalSize, excluded, testEquations);
    }

    public ExpressionSettings withExcluded(int excluded) {
        return new ExpressionSettings(operators, mixing, shape, chainOfThought, context, trainSize, testSize, evalSize, excluded, testEquations);
    }
}
