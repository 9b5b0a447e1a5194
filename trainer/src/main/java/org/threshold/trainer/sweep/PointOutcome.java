package org.threshold.trainer.sweep;

import java.time.Duration;
import java.util.Optional;
import org.threshold.trainer.rundir.RunResult;

/**
 * How one grid point ended in a sweep.
 *
 * @param point the point
 * @param state finished, skipped, failed or running elsewhere
 * @param result the run's result.json, when it has one
 * @param message one line for people: the headline metric, or what failed
 * @param wall how long its process ran in this sweep (zero when none was started)
 */
public record PointOutcome(IndexEntry point, PointState state, Optional<RunResult> result, String message, Duration wall) {
}
