package org.threshold.analysis.transition;

/**
 * The plain count of one size's runs above the threshold, which stays honest where a fit is not.
 *
 * @param parameters the size
 * @param runs how many runs of this size the sweep has
 * @param above how many of them are above the threshold (strictly, as the paper's "more than 50%")
 * @param meanAccuracy the mean of their accuracies
 */
public record SizeTally(long parameters, int runs, int above, double meanAccuracy) {

    public SizeTally {
        if (runs < 1 || above < 0 || above > runs) {
            throw new IllegalArgumentException("a size tally needs 0 <= above <= runs and runs >= 1, got "
                    + above + " of " + runs);
        }
    }

    /** "14.2k: 3 of 4 above". */
    public String describe() {
        return ParameterCount.format(parameters) + ": " + above + " of " + runs + " above";
    }
}
