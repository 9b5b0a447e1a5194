package org.threshold.assignadd;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.threshold.api.config.ConfigSection;

/**
 * The {@code task:} section of an assign-add run (SPEC section 8); every key and default is in the
 * module's README:
 *
 * <pre>
 *   modulus      10       n: elements 0..n-1, sums mod n; 2 to 1000
 *   variables    6        v variable tokens a b c d f g …; 2 to 24
 *   bindings     [2, 3]   k, the distinct variables an example binds: [min, max], 2 <= min <= max <= variables
 *   held_out     0.25     f: each variable holds out m = max(1, floor(f·n)) values
 *   train_size   20000    distinct training examples of each of lookup, routed and chain (direct has all n²)
 *   eval_size    500      prompts of each test set but direct (which has all n²)
 * </pre>
 *
 * @param modulus n
 * @param variables v
 * @param minBindings the fewest variables an example binds
 * @param maxBindings the most
 * @param heldOut f
 * @param trainSize training examples per component but direct
 * @param evalSize prompts per test set but direct
 */
public record AssignAddConfig(int modulus, int variables, int minBindings, int maxBindings, double heldOut, int trainSize,
                              int evalSize) {

    public static final int DEFAULT_MODULUS = 10;
    /** The direct test set is all n² prompts: a million at n = 1000. */
    public static final int MAX_MODULUS = 1000;
    public static final int DEFAULT_VARIABLES = 6;
    public static final int MIN_VARIABLES = 2;
    public static final double DEFAULT_HELD_OUT = 0.25;
    public static final int DEFAULT_TRAIN_SIZE = 20_000;
    public static final int MAX_TRAIN_SIZE = 1_000_000;
    public static final int DEFAULT_EVAL_SIZE = 500;
    public static final int MAX_EVAL_SIZE = 100_000;

    public AssignAddConfig {
        List<Problem> problems = problems(modulus, variables, minBindings, maxBindings, heldOut, trainSize, evalSize);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).key() + ": " + problems.get(0).message());
        }
    }

    /** SPEC section 8's defaults: modulus 10, 6 variables, 2 to 3 bindings, held_out 0.25. */
    public static AssignAddConfig defaults() {
        return new AssignAddConfig(DEFAULT_MODULUS, DEFAULT_VARIABLES, 2, 3, DEFAULT_HELD_OUT, DEFAULT_TRAIN_SIZE, DEFAULT_EVAL_SIZE);
    }

    public AssignAddConfig withSizes(int trainSize, int evalSize) {
        return new AssignAddConfig(modulus, variables, minBindings, maxBindings, heldOut, trainSize, evalSize);
    }

    /**
     * Binds the {@code task:} section. Problems go to the section at their key, with the defaults
     * in place of an unusable config, so one pass reports them all.
     */
    public static AssignAddConfig bind(ConfigSection s) {
        int modulus = s.integer("modulus", DEFAULT_MODULUS, 2, MAX_MODULUS);
        int variables = s.integer("variables", DEFAULT_VARIABLES, MIN_VARIABLES, AssignAddNotation.MAX_VARIABLES);
        List<Integer> bindings = s.integers("bindings", List.of(2, 3), 1, AssignAddNotation.MAX_VARIABLES);
        double heldOut = s.number("held_out", DEFAULT_HELD_OUT, 0, 1);
        int trainSize = s.integer("train_size", DEFAULT_TRAIN_SIZE, 1, MAX_TRAIN_SIZE);
        int evalSize = s.integer("eval_size", DEFAULT_EVAL_SIZE, 1, MAX_EVAL_SIZE);
        int min = bindings.size() == 2 ? bindings.get(0) : -1;
        int max = bindings.size() == 2 ? bindings.get(1) : -1;
        List<Problem> problems = problems(modulus, variables, min, max, heldOut, trainSize, evalSize);
        for (Problem p : problems) {
            s.problem(p.key(), p.message());
        }
        return problems.isEmpty() ? new AssignAddConfig(modulus, variables, min, max, heldOut, trainSize, evalSize) : defaults();
    }

    /** The rules a config keeps, each broken one at its key. */
    private static List<Problem> problems(int modulus, int variables, int minBindings, int maxBindings, double heldOut,
                                          int trainSize, int evalSize) {
        List<Problem> out = new ArrayList<>();
        boolean shape = true;
        if (modulus < 2 || modulus > MAX_MODULUS) {
            out.add(new Problem("modulus", "expected an integer from 2 to " + MAX_MODULUS
                    + " (the direct test set holds all modulus² prompts), found " + modulus));
            shape = false;
        }
        if (variables < MIN_VARIABLES || variables > AssignAddNotation.MAX_VARIABLES) {
            out.add(new Problem("variables", "expected an integer from " + MIN_VARIABLES + " to " + AssignAddNotation.MAX_VARIABLES
                    + " (the lowercase letters but s and e), found " + variables));
            shape = false;
        }
        if (minBindings < 2 || maxBindings < minBindings) {
            out.add(new Problem("bindings", "bindings is the range [min, max] of variables an example binds, with 2 <= min <= max "
                    + "(a chain and a sum of two variables read two bound variables), e.g. [2, 3]; found "
                    + (minBindings < 0 ? "a list that is not two integers" : "[" + minBindings + ", " + maxBindings + "]")));
        } else if (shape && maxBindings > variables) {
            out.add(new Problem("bindings", "an example binds distinct variables, so at most variables (" + variables
                    + "); found [" + minBindings + ", " + maxBindings + "]"));
        }
        if (!(heldOut >= 0 && heldOut <= 1)) {
            out.add(new Problem("held_out", "expected a number from 0 to 1, found " + heldOut));
        } else if (shape) {
            Optional<String> split = new CompositionalSplit(modulus, variables, heldOut).problem();
            split.ifPresent(message -> out.add(new Problem("held_out", message)));
        }
        if (trainSize < 1 || trainSize > MAX_TRAIN_SIZE) {
            out.add(new Problem("train_size", "expected an integer from 1 to " + MAX_TRAIN_SIZE + ", found " + trainSize));
        }
        if (evalSize < 1 || evalSize > MAX_EVAL_SIZE) {
            out.add(new Problem("eval_size", "expected an integer from 1 to " + MAX_EVAL_SIZE + ", found " + evalSize));
        }
        return out;
    }

    private record Problem(String key, String message) {
    }
}
