package org.threshold.listops.triplets;

import org.threshold.listops.expression.Equation;
import org.threshold.listops.expression.Notation;
import org.threshold.listops.expression.Operator;
import org.threshold.listops.split.Triplet;

/**
 * The equation of one operator on one triplet: depth 1, exactly 3 operands, e.g.
 * {@code s(+749)>9=9e} with the chain of thought (its one step is the value) or {@code s(+749)=9e}.
 */
final class TripletEquations {

    private final Notation notation;
    private final boolean chainOfThought;

    TripletEquations(Notation notation, boolean chainOfThought) {
        this.notation = notation;
        this.chainOfThought = chainOfThought;
    }

    /** Tokens of the longest triplet equation. */
    int length() {
        return chainOfThought ? 12 : 10;
    }

    Equation of(Operator operator, long rank) {
        Triplet t = Triplet.ofRank(rank, notation.size());
        int value = operator.evaluate(t.operands());
        int v = notation.elementToken(value);
        int[] question = {Notation.START, Notation.OPEN, notation.operatorToken(operator), notation.elementToken(t.first()),
            notation.elementToken(t.second()), notation.elementToken(t.third()), Notation.CLOSE};
        int[] tokens = new int[length()];
        System.arraycopy(question, 0, tokens, 0, question.length);
        int at = question.length;
        if (chainOfThought) {
            tokens[at++] = Notation.STEP;
            tokens[at++] = v;
        }
        int prompt = question.length + 1;
        tokens[at++] = Notation.EQUALS;
        tokens[at++] = v;
        tokens[at] = Notation.END;
        return new Equation(tokens, prompt, value);
    }
}
