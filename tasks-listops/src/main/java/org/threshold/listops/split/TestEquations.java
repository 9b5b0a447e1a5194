package org.threshold.listops.split;

import org.threshold.api.config.Choice;
import org.threshold.listops.expression.TreeShape;

/**
 * How test equations get their excluded triplet (SPEC section 2).
 *
 * <p>{@link #SAMPLED}: random equations are drawn and those holding at least one excluded triplet
 * in any step are kept (the paper's way). For large n almost none qualify (n=26: about 0.5% of
 * equations), so {@link #PLANTED}: a random tree is drawn and, in one of its nodes whose three
 * operands are all elements (chosen uniformly; trees without such a node are drawn again),
 * the operands are replaced by a uniformly chosen excluded triplet. Planting keeps the tree shape
 * (operators, operand counts, nesting) of the random trees and only sets those three operands.
 * {@link #AUTO} samples when at least 5% of random equations are expected to qualify (then the
 * test set fills within a fifth of its draw budget) and plants otherwise.
 */
public enum TestEquations implements Choice {

    AUTO("auto"),
    SAMPLED("sampled"),
    PLANTED("planted");

    /** AUTO samples at or above this expected fraction of qualifying equations. */
    public static final double SAMPLING_THRESHOLD = 0.05;

    private final String word;

    TestEquations(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    /**
     * The expected fraction of random equations holding an excluded triplet: expected 3-operand
     * nodes per tree times the excluded share of all triplets (operand values after substitution
     * are taken as uniform, which is what an estimate needs).
     */
    public static double expectedQualifyingFraction(TreeShape shape, int excluded, int modulus) {
        double share = excluded / (double) ExcludedTriplets.count(modulus);
        return Math.min(1, shape.expectedNodesWithArgs(3) * share);
    }

    /** SAMPLED or PLANTED for this shape and exclusion set. */
    public TestEquations resolve(TreeShape shape, int excluded, int modulus) {
        if (this != AUTO) {
            return this;
        }
        return expectedQualifyingFraction(shape, excluded, modulus) >= SAMPLING_THRESHOLD ? SAMPLED : PLANTED;
    }
}
