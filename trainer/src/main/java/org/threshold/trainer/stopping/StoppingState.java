package org.threshold.trainer.stopping;

/**
 * What the early-stopping rule remembers between evaluations, kept in checkpoints.
 *
 * @param previousLoss the mean training loss of the previous evaluation; NaN before the first
 * @param quietEvaluations consecutive evaluations whose loss change was below {@code min_delta}
 */
public record StoppingState(double previousLoss, int quietEvaluations) {
}
