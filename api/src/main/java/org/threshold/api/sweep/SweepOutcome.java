package org.threshold.api.sweep;

import java.util.List;

/**
 * How every grid point of a sweep ended, in index order.
 *
 * @param points one outcome per point given to the executor
 */
public record SweepOutcome(List<PointOutcome> points) {

    public SweepOutcome {
        points = List.copyOf(points);
    }

    public long count(PointState state) {
        return points.stream().filter(p -> p.state() == state).count();
    }

    /** Whether every point has a finished run. */
    public boolean complete() {
        return points.stream().allMatch(p -> p.state() == PointState.FINISHED || p.state() == PointState.SKIPPED);
    }
}
