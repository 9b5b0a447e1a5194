package org.threshold.analysis.plot;

import java.util.List;
import org.threshold.api.curriculum.Evaluation;

/**
 * One run's evaluations over training, as {@link TrainingCurvesFigure} draws them.
 *
 * @param label how the run is named in the legend ("SUM d=32 seed 1")
 * @param evaluations the run's metrics.jsonl, in step order
 */
public record TrainingCurve(String label, List<Evaluation> evaluations) {

    public TrainingCurve {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a training curve needs a label for the legend");
        }
        evaluations = List.copyOf(evaluations);
    }
}
