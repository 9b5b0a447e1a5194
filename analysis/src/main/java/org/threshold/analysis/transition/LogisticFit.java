package org.threshold.analysis.transition;

/**
 * The least-squares logistic curve through a sweep's runs.
 *
 * @param curve the best curve over all starting points
 * @param residualSumOfSquares Σ (accuracy − curve)² over the runs
 * @param runs how many runs the curve was fitted to
 * @param steepnessAtBound whether k ended at {@link LogisticFitter#MAX_STEEPNESS}: the data ask for a
 *     step, and where exactly the step sits between two measured sizes is not determined by them
 */
public record LogisticFit(LogisticCurve curve, double residualSumOfSquares, int runs, boolean steepnessAtBound) {

    /** Root-mean-square residual, in accuracy units. */
    public double rmsResidual() {
        return Math.sqrt(residualSumOfSquares / runs);
    }
}
