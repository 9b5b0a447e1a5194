package org.threshold.analysis.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.threshold.api.curriculum.Evaluation;
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
            RunDirectory run = directory.run(point.identity());
            Optional<RunResult> result = run.readResult();
            List<Evaluation> evaluations = run.metrics().read().stream().map(EvaluationRecord::evaluation).toList();
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
                runs.add(new SweepRun(point, RunStatus.FINISHED, result, value, problem, evaluations));
            } else if (result.isPresent()) {
                runs.add(new SweepRun(point, RunStatus.FAILED, result, OptionalDouble.empty(), Optional.of(result.get().message()),
                        evaluations));
            } else {
                Optional<PointFailure> failure = PointFailure.read(run.path());
                RunStatus status = failure.isPresent() ? RunStatus.FAILED
                        : RunLock.isHeld(run.path()) ? RunStatus.RUNNING : RunStatus.UNFINISHED;
                runs.add(new SweepRun(point, status, Optional.empty(), OptionalDouble.empty(),
                        failure.map(PointFailure::describe), evaluations));
            }
        }
        return runs;
    }
}
