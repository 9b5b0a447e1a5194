package org.threshold.trainer.sweep;

import java.util.List;
import org.threshold.api.config.Mark;

/**
 * One of {@code sweep.variants}: a named set of changes to the run file, one more axis of the
 * grid. Its name is the runs' mixture label (e.g. {@code SUM-900}).
 *
 * @param name the label
 * @param mark where the name is written
 * @param assignments its changes, in the order written (none: the file as it is)
 */
public record Variant(String name, Mark mark, List<Assignment> assignments) {

    public Variant {
        assignments = List.copyOf(assignments);
    }
}
