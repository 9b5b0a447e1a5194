package org.threshold.api.task;

import java.util.List;
import java.util.Map;

/**
 * Scores one generated completion. Scores are in [0, 1]; the trainer averages them over an
 * {@link EvalSet} to give the set's metrics.
 */
public interface Scorer {

    /** The metric names this scorer gives, headline first (e.g. accuracy, exact_match). */
    List<String> metrics();

    /**
     * @param item the prompt and its expected continuation
     * @param generated what the model wrote after the prompt (up to and including the stop token,
     *     if it wrote one)
     * @return one score per name of {@link #metrics()}
     */
    Map<String, Double> score(EvalItem item, int[] generated);
}
