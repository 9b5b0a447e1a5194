package org.threshold.analysis.sweep;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.threshold.api.curriculum.Evaluation;
import org.threshold.runs.run.RunResult;
import org.threshold.runs.sweep.IndexEntry;

/**
 * One grid point as the analysis sees it: the index entry, the run's result when it has one, and
 * the value of the fitted metric.
 *
 * @param point the index entry
 * @param status finished, failed, running or unfinished
 * @param result result.json, when the run ended
 * @param fitted the fitted metric's final value; empty when the run has not finished or lacks it
 * @param problem why a failed run failed, or why a finished run cannot be fitted
 * @param evaluations the run's metrics.jsonl (with {@code loss}, the mean training loss), for curves
 * @param notes what the reader must know though the run counts (a damaged metrics.jsonl keeps its curves out)
 */
public record SweepRun(IndexEntry point, RunStatus status, Optional<RunResult> result, OptionalDouble fitted,
                       Optional<String> problem, List<Evaluation> evaluations, List<String> notes) {

    public SweepRun {
        evaluations = List.copyOf(evaluations);
        notes = List.copyOf(notes);
    }

    public SweepRun(IndexEntry point, RunStatus status, Optional<RunResult> result, OptionalDouble fitted,
                    Optional<String> problem, List<Evaluation> evaluations) {
        this(point, status, result, fitted, problem, evaluations, List.of());
    }

    /** The parameter count: the run's own, or the index's before it has one. */
    public long parameters() {
        return result.map(RunResult::parameters).orElse(point.parameters());
    }

    /** The unique parameter count (SPEC section 9): the run's own, or the index's count before it has one. */
    public long uniqueParameters() {
        return ParameterMeasure.UNIQUE.of(this);
    }
}
