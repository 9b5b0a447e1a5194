package org.threshold.trainer;

import org.threshold.runs.run.EvaluationRecord;
import org.threshold.runs.run.RunDirectory;
import org.threshold.runs.run.RunResult;

/**
 * Sees a run as it goes, e.g. the CLI's progress bar. Called on the training thread; a listener
 * returns quickly.
 */
public interface TrainingListener {

    /** Nothing to see: for runs nobody watches (sweeps log instead). */
    TrainingListener NONE = new TrainingListener() {
    };

    /**
     * Training starts (or resumes).
     *
     * @param directory where the run is recorded
     * @param fromStep steps already done (0 for a fresh run, the checkpoint's step when resuming)
     * @param plannedSteps steps the run trains at most
     */
    default void started(RunDirectory directory, long fromStep, long plannedSteps) {
    }

    /** A training step ended with this loss. */
    default void stepped(long step, double loss) {
    }

    /** An evaluation ran and was recorded. */
    default void evaluated(EvaluationRecord record) {
    }

    /**
     * Something the person who started the run should know, though the run goes on: a damaged
     * file set aside and rebuilt, a damaged checkpoint passed over for an older one. One line,
     * naming the run and the file.
     */
    default void noticed(String warning) {
    }

    /** The run ended and result.json was written. */
    default void ended(RunResult result) {
    }
}
