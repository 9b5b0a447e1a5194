package org.threshold.api.sweep;

import java.time.Duration;

/**
 * How one grid point ended in a sweep. The run's figures are in its result.json.
 *
 * @param point the point
 * @param state finished, skipped, failed or running elsewhere
 * @param message one line for people: the headline metric, or what failed
 * @param wall how long its process ran in this sweep (zero when none was started)
 */
public record PointOutcome(SweepPoint point, PointState state, String message, Duration wall) {
}
