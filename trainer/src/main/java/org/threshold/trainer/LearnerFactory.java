package org.threshold.trainer;

import ai.djl.ndarray.NDManager;

/** Makes the learner of a run: its model initialized from {@code init_seed}, with a fresh optimizer. */
@FunctionalInterface
public interface LearnerFactory {

    /**
     * @param plan the run
     * @param manager owns the learner's arrays, on the run's device
     */
    Learner create(RunPlan plan, NDManager manager);
}
