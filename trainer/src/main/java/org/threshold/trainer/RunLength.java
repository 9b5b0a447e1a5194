package org.threshold.trainer;

import java.util.List;
import org.threshold.api.task.Component;

/**
 * How many steps a run trains. {@code training.steps} directly, or {@code training.epochs} over the
 * task's training data: one epoch is as many sequences as all components hold together, so
 * {@code steps = ceil(epochs * Σ sizes / batch)}.
 */
public final class RunLength {

    private RunLength() {
    }

    public static int steps(TrainingConfig training, List<Component> components) {
        if (training.epochs().isEmpty()) {
            return training.steps();
        }
        long examples = 0;
        for (Component c : components) {
            examples += c.data().size();
        }
        double steps = Math.ceil(training.epochs().getAsDouble() * examples / training.batch());
        if (steps > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("training.epochs " + training.epochs().getAsDouble() + " over " + examples
                    + " examples at batch " + training.batch() + " is " + (long) steps + " steps, more than "
                    + Integer.MAX_VALUE + "; lower training.epochs");
        }
        return Math.max(1, (int) steps);
    }
}
