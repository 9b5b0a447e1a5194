package org.threshold.listops.split;

import org.threshold.listops.expression.Notation;
import org.threshold.listops.expression.Operator;
import org.threshold.listops.expression.OperatorMixture;
import org.threshold.listops.expression.TreeShape;

/**
 * Everything that determines a nested-expression dataset besides the seed (SPEC sections 1 and 2):
 * a notation, the operator mixture, the tree shape, the equation form, the context, the set sizes
 * and the exclusion set's size. {@link ExpressionData#generate(ExpressionSpec, long)} makes the
 * data. Any operator family can use it (ListOps' arithmetic, the permutation groups).
 *
 * @param notation the family's notation (fixes the vocabulary)
 * @param mixture the operators mixed in training and in the headline test set
 * @param shape random tree shape
 * @param chainOfThought whether equations carry the chain of thought
 * @param context the longest equation, in tokens; longer draws are rejected and counted
 * @param trainSize training equations in all (split evenly among the operators with per-expression mixing)
 * @param testSize equations of the headline test set
 * @param evalSize prompts per evaluation set (headline, per operator, train)
 * @param excluded size of the exclusion set of triplets
 * @param testEquations how test equations get an excluded triplet
 */
public record ExpressionSpec(
        Notation notation,
        OperatorMixture mixture,
        TreeShape shape,
        boolean chainOfThought,
        int context,
        int trainSize,
        int testSize,
        int evalSize,
        int excluded,
        TestEquations testEquations) {

    /** The shortest equation, {@code s(+7)>7=7e} without the chain, has 7 tokens. */
    public static final int MIN_CONTEXT = 8;

    public ExpressionSpec {
        for (Operator op : mixture.operators()) {
            notation.indexOf(op);
        }
        if (context < MIN_CONTEXT) {
            throw new IllegalArgumentException("context must be at least " + MIN_CONTEXT + " tokens, got " + context);
        }
        if (trainSize < 1 || testSize < 1 || evalSize < 1) {
            throw new IllegalArgumentException("set sizes must be >= 1, got train " + trainSize + ", test " + testSize + ", eval " + evalSize);
        }
        if (evalSize > testSize) {
            throw new IllegalArgumentException("eval_size " + evalSize + " exceeds test_size " + testSize + "; the scored prompts come from the test set");
        }
        if (evalSize > trainSize) {
            throw new IllegalArgumentException("eval_size " + evalSize + " exceeds train_size " + trainSize);
        }
        long triplets = ExcludedTriplets.count(notation.size());
        if (excluded < 1 || excluded > triplets) {
            throw new IllegalArgumentException("excluded must be from 1 to the " + triplets + " triplets of " + notation.size()
                    + " elements (test equations hold an excluded triplet), got " + excluded);
        }
        if (!shape.allowsArgs(3)) {
            throw new IllegalArgumentException("the split holds out operand triplets, so nodes must be able to have 3 operands; "
                    + "the operand count range " + shape.minArgs() + ".." + shape.maxArgs() + " excludes 3");
        }
    }

    /** SAMPLED or PLANTED, as {@link #testEquations()} resolves for this spec. */
    public TestEquations resolvedTestEquations() {
        return testEquations.resolve(shape, excluded, notation.size());
    }
}
