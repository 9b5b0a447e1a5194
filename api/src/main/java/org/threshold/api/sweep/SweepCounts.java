package org.threshold.api.sweep;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a sweep stands, for the progress display.
 *
 * @param total grid points in the sweep
 * @param done points with a finished run (trained now or before)
 * @param failed points that failed
 * @param running points training in this sweep's processes now
 * @param elsewhere points another process is training
 * @param left points not started yet
 * @param eta the expected time to the end, once a point has been trained in this sweep
 */
public record SweepCounts(int total, int done, int failed, int running, int elsewhere, int left, Optional<Duration> eta) {

    /** "12/32 done, 1 failed, 2 running, 17 left, ETA 14m05s". */
    public String describe() {
        StringBuilder text = new StringBuilder().append(done).append('/').append(total).append(" done");
        text.append(", ").append(failed).append(" failed");
        text.append(", ").append(running).append(" running");
        if (elsewhere > 0) {
            text.append(", ").append(elsewhere).append(" running elsewhere");
        }
        text.append(", ").append(left).append(" left");
        eta.ifPresent(d -> text.append(", ETA ").append(Durations.format(d)));
        return text.toString();
    }
}
