package org.threshold.api.sweep;

/**
 * Sees a sweep's progress (the CLI's display); called from the executor's thread. Every method
 * does nothing unless overridden, so a listener takes only what it shows.
 */
public interface SweepListener {

    /** A listener that ignores everything. */
    SweepListener NONE = new SweepListener() {
    };

    /** Before the first point starts: how the executor will run the points. */
    default void starting(String layout, SweepCounts counts) {
    }

    default void started(SweepPoint point, SweepCounts counts) {
    }

    default void ended(PointOutcome outcome, SweepCounts counts) {
    }

    /** About once a second while points run, so a display can refresh its ETA. */
    default void waiting(SweepCounts counts) {
    }

    /** One line from the executor for people: what it submitted where, how to follow or cancel it. */
    default void note(String line) {
    }
}
