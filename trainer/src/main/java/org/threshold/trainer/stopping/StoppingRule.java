package org.threshold.trainer.stopping;

import org.threshold.trainer.TrainingConfig;

/**
 * The paper's early-stopping rule (appendix; SPEC section 6): after step {@code after}, stop when
 * the change of the training loss between consecutive evaluations stays below {@code min_delta}
 * for {@code patience} consecutive evaluations. The training loss of an evaluation is the mean over
 * every step since the previous evaluation, because one batch is too noisy for this rule.
 *
 * <p>Read precisely: at each evaluation the change is |mean − previous mean|. The evaluation counts
 * toward the patience when its step is greater than {@code after}, the curriculum is in its last
 * stage (early stopping applies only there) and the change is below {@code min_delta}; any other
 * evaluation resets the count. The run stops at the evaluation that brings the count to
 * {@code patience}.
 */
public final class StoppingRule {

    private final TrainingConfig.EarlyStopping config;
    private double previousLoss = Double.NaN;
    private int quietEvaluations;

    public StoppingRule(TrainingConfig.EarlyStopping config) {
        this.config = config;
    }

    /**
     * Sees one evaluation.
     *
     * @param step the step after which it ran
     * @param meanLoss the mean training loss since the previous evaluation
     * @param lastStage whether the curriculum is in its last stage
     * @return whether training stops here
     */
    public boolean observe(long step, double meanLoss, boolean lastStage) {
        double change = Math.abs(meanLoss - previousLoss); // NaN at the first evaluation
        previousLoss = meanLoss;
        if (config.enabled() && lastStage && step > config.after() && change < config.minDelta()) {
            quietEvaluations++;
        } else {
            quietEvaluations = 0;
        }
        return config.enabled() && quietEvaluations >= config.patience();
    }

    /** Consecutive evaluations so far whose loss change was below {@code min_delta}. */
    public int quietEvaluations() {
        return quietEvaluations;
    }

    public StoppingState state() {
        return new StoppingState(previousLoss, quietEvaluations);
    }

    /** Continues from a state given by {@link #state()}. */
    public void restore(StoppingState state) {
        this.previousLoss = state.previousLoss();
        this.quietEvaluations = state.quietEvaluations();
    }
}
