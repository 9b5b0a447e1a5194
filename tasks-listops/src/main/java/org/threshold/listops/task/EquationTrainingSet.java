package org.threshold.listops.task;

import java.util.List;
import org.threshold.api.task.Example;
import org.threshold.api.task.TrainingSet;
import org.threshold.listops.expression.Equation;

/** Equations as training examples; the completion starts after the prompt. The epoch plays no part. */
public final class EquationTrainingSet implements TrainingSet {

    private final List<Equation> equations;

    public EquationTrainingSet(List<Equation> equations) {
        if (equations.isEmpty()) {
            throw new IllegalArgumentException("a training set needs at least one equation");
        }
        this.equations = List.copyOf(equations);
    }

    @Override
    public int size() {
        return equations.size();
    }

    @Override
    public Example example(int epoch, int index) {
        Equation e = equations.get(index);
        return new Example(e.tokens(), e.promptLength());
    }

    public List<Equation> equations() {
        return equations;
    }
}
