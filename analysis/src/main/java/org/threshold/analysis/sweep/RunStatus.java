package org.threshold.analysis.sweep;

/** Where a grid point's run stands when the sweep is analyzed (summary.csv's {@code status}). */
public enum RunStatus {

    /** result.json with status finished: the run enters the fits. */
    FINISHED("finished"),
    /** result.json with status failed, or failure.json: the point's process or run failed. */
    FAILED("failed"),
    /** No result, and a process holds the run's lock. */
    RUNNING("running"),
    /** No result and no process: not started, or stopped before its end (it resumes on the next sweep). */
    UNFINISHED("unfinished"),
    /**
     * result.json (or failure.json) is there but cannot be read: empty, cut short, a field
     * missing. Left out and named with its file; running the point again rebuilds it from the
     * run's final checkpoint.
     */
    DAMAGED("damaged");

    private final String word;

    RunStatus(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
