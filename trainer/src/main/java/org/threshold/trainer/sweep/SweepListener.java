package org.threshold.trainer.sweep;

/** Sees a sweep's progress (the CLI's display); called from the executor's thread. */
public interface SweepListener {

    /** Before the first point starts: how the executor will run the points. */
    void starting(String layout, SweepCounts counts);

    void started(IndexEntry point, SweepCounts counts);

    void ended(PointOutcome outcome, SweepCounts counts);

    /** About once a second while points run, so a display can refresh its ETA. */
    void waiting(SweepCounts counts);
}
