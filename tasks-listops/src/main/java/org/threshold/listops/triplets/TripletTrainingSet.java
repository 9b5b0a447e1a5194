package org.threshold.listops.triplets;

import org.threshold.api.task.Example;
import org.threshold.api.task.TrainingSet;
import org.threshold.listops.expression.Equation;
import org.threshold.listops.expression.Operator;

/**
 * One operator applied to a list of triplets, as equations made when asked (all n³ triplets of
 * a large modulus would not be worth keeping as token arrays).
 */
final class TripletTrainingSet implements TrainingSet {

    private final TripletEquations equations;
    private final Operator operator;
    private final long[] ranks;

    TripletTrainingSet(TripletEquations equations, Operator operator, long[] ranks) {
        if (ranks.length == 0) {
            throw new IllegalArgumentException("no training triplets for " + operator.name());
        }
        this.equations = equations;
        this.operator = operator;
        this.ranks = ranks;
    }

    @Override
    public int size() {
        return ranks.length;
    }

    @Override
    public Example example(int epoch, int index) {
        Equation e = equation(index);
        return new Example(e.tokens(), e.promptLength());
    }

    Equation equation(int index) {
        return equations.of(operator, ranks[index]);
    }
}
