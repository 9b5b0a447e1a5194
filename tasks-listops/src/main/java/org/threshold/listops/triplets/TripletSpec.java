package org.threshold.listops.triplets;

import org.threshold.listops.expression.Notation;
import org.threshold.listops.expression.Operator;
import org.threshold.listops.expression.OperatorMixture;
import org.threshold.listops.split.ExcludedTriplets;

/**
 * Appendix C's triplet experiments: every equation is one operator on 3 elements; all n³
 * triplets, of which {@code excluded} are held out (100 of 1,000 for n=10, the expression split's
 * default) and the rest are the training triplets.
 *
 * @param notation the family's notation
 * @param operators the operators of the training set, with their component weights
 * @param testOperator the operator of the headline test set (SUM in the paper)
 * @param dataset which training set
 * @param excluded how many triplets are held out
 * @param chainOfThought whether equations write the (single) step: {@code s(+749)>9=9e}
 * @param context the model's context; a triplet equation has 10 or 12 tokens
 * @param evalSize the most prompts per evaluation set
 */
public record TripletSpec(
        Notation notation,
        OperatorMixture operators,
        Operator testOperator,
        TripletDataset dataset,
        int excluded,
        boolean chainOfThought,
        int context,
        int evalSize) {

    /** All n³ triplets are listed, so the modulus is kept to 10⁶ triplets. */
    public static final int MAX_MODULUS = 100;

    public TripletSpec {
        int n = notation.size();
        if (n > MAX_MODULUS) {
            throw new IllegalArgumentException("triplet mode lists all n^3 triplets; the modulus is at most " + MAX_MODULUS + ", got " + n);
        }
        for (Operator op : operators.operators()) {
            notation.indexOf(op);
        }
        notation.indexOf(testOperator);
        long all = ExcludedTriplets.count(n);
        if (excluded < 1 || excluded >= all) {
            throw new IllegalArgumentException("triplet mode holds out from 1 to " + (all - 1) + " of the " + all + " triplets, got " + excluded);
        }
        if (context < equationLength(chainOfThought)) {
            throw new IllegalArgumentException("a triplet equation has " + equationLength(chainOfThought) + " tokens; context " + context + " is too short");
        }
        if (evalSize < 1) {
            throw new IllegalArgumentException("eval_size must be >= 1, got " + evalSize);
        }
    }

    /** Tokens of a triplet equation: {@code s(+749)>9=9e} or {@code s(+749)=9e}. */
    public static int equationLength(boolean chainOfThought) {
        return chainOfThought ? 12 : 10;
    }
}
