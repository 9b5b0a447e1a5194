package org.threshold.analysis.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.threshold.api.curriculum.Evaluation;
import org.threshold.runs.DamagedFileException;
import org.threshold.runs.run.EvaluationRecord;
import org.threshold.runs.run.RunDirectory;
import org.threshold.runs.run.RunResult;
import org.threshold.runs.sweep.IndexEntry;
import org.threshold.runs.sweep.PointFailure;
import org.threshold.runs.sweep.RunLock;
import org.threshold.runs.sweep.SweepDirectory;
import org.threshold.runs.sweep.SweepIndex;

/** Reads every grid point's run directory for the analysis. */
public final class SweepRuns {

    private SweepRuns() {
    }

    /**
     * @param metric the metric to fit; empty: each run's headline (result.json's test_accuracy)
     */
    public static List<SweepRun> read(SweepDirectory directory, SweepIndex index, Optional<String> metric) {
        List<SweepRun> runs = new ArrayList<>();
        for (IndexEntry point : index.points()) {
            runs.add(read(directory.run(point.identity()), point, metric));
        }
        return runs;
    }

    /**
     * One point's run. A damaged file does not stop the analysis: a damaged result.json or
     * failure.json makes the point {@link RunStatus#DAMAGED}, named with the file and what is
     * wrong; a damaged metrics.jsonl only keeps the run's curves out.
     */
    private static SweepRun read(RunDirectory run, IndexEntry point, Optional<String> metric) {
        List<String> notes = new ArrayList<>();
        List<Evaluation> evaluations;
        try {
            evaluations = run.metrics().read().stream().map(EvaluationRecord::evaluation).toList();
        } catch (DamagedFileException e) {
            evaluations = List.of();
            notes.add("its curves are left out: " + e.getMessage());
        }
        Optional<RunResult> result;
        try {
            result = run.readResult();
        } catch (DamagedFileException e) {
            return new SweepRun(point, RunStatus.DAMAGED, Optional.empty(), OptionalDouble.empty(), Optional.of(e.getMessage()),
                    evaluations, notes);
        }
        if (result.isPresent() && result.get().finished()) {
            RunResult r = result.get();
            String name = metric.orElse(r.metric());
            OptionalDouble value = name.equals(r.metric()) ? r.testAccuracy()
                    : r.metrics().containsKey(name) ? OptionalDouble.of(r.metrics().get(name)) : OptionalDouble.empty();
            Optional<String> problem = Optional.empty();
            if (value.isEmpty()) {
                problem = Optional.of("has no metric " + name + " (its metrics: " + String.join(", ", r.metrics().keySet()) + ")");
            } else if (!(value.getAsDouble() >= 0 && value.getAsDouble() <= 1)) {
                problem = Optional.of("its " + name + " is " + value.getAsDouble() + ", not an accuracy in [0, 1]");
                value = OptionalDouble.empty();
            }
            return new SweepRun(point, RunStatus.FINISHED, result, value, problem, evaluations, notes);
        }
        if (result.isPresent()) {
            return new SweepRun(point, RunStatus.FAILED, result, OptionalDouble.empty(), Optional.of(result.get().message()),
                    evaluations, notes);
        }
        Optional<PointFailure> failure;
        try {
            failure = PointFailure.read(run.path());
        } catch (DamagedFileException e) {
            return new SweepRun(point, RunStatus.DAMAGED, Optional.empty(), OptionalDouble.empty(), Optional.of(e.getMessage()),
                    evaluations, notes);
        }
        RunStatus status = failure.isPresent() ? RunStatus.FAILED
                : RunLock.isHeld(run.path()) ? RunStatus.RUNNING : RunStatus.UNFINISHED;
        return new SweepRun(point, status, Optional.empty(), OptionalDouble.empty(), failure.map(PointFailure::describe),
                evaluations, notes);
    }
}
