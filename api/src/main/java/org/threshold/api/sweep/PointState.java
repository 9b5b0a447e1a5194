package org.threshold.api.sweep;

/** How a grid point stands after an executor dealt with it. */
public enum PointState {

    /** It had finished before (result.json was there); nothing was started. */
    SKIPPED("skipped"),
    /** It trained to its end in this sweep. */
    FINISHED("finished"),
    /** Its process failed, or the run ended with status failed; see failure.json or result.json. */
    FAILED("failed"),
    /** Another process holds the run's lock (another sweep, or a scheduler's job); not trained here. */
    ELSEWHERE("running elsewhere");

    private final String word;

    PointState(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
