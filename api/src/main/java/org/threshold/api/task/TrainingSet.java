package org.threshold.api.task;

/**
 * The training examples of one component, addressed by epoch and position so that the trainer
 * can shuffle, sample and resume deterministically without asking the task for state.
 *
 * <p>Implementations are deterministic: the same (epoch, index) always gives the same example.
 * Most tasks ignore the epoch; a text stream re-cut at a new offset every epoch uses it.
 */
public interface TrainingSet {

    /** Examples per epoch; at least 1. */
    int size();

    /**
     * @param epoch 0-based epoch
     * @param index 0-based position within the epoch, below {@link #size()}
     */
    Example example(int epoch, int index);
}
