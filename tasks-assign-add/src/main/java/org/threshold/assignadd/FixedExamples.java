package org.threshold.assignadd;

import java.util.List;
import org.threshold.api.task.Example;
import org.threshold.api.task.TrainingSet;

/** A fixed training set: the same examples every epoch, in the trainer's order. */
final class FixedExamples implements TrainingSet {

    private final List<Example> examples;

    FixedExamples(List<Example> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("a training set needs at least one example");
        }
        this.examples = List.copyOf(examples);
    }

    @Override
    public int size() {
        return examples.size();
    }

    @Override
    public Example example(int epoch, int index) {
        return examples.get(index);
    }
}
