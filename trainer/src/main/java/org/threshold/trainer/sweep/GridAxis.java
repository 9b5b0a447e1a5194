package org.threshold.trainer.sweep;

import java.util.List;
import org.threshold.api.config.ConfigNode;
import org.threshold.api.config.Mark;

/**
 * One key of {@code sweep.grid}: a config path and the values it takes, in the order written.
 *
 * @param key the key as written, e.g. {@code model.d}; the name of the axis in the index and summary
 * @param path where the values go
 * @param keyMark where the key is written
 * @param values the values, each any YAML, at least one
 */
public record GridAxis(String key, ConfigPath path, Mark keyMark, List<ConfigNode> values) {

    public GridAxis {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("grid key " + key + " needs at least one value");
        }
        values = List.copyOf(values);
    }

    /** The assignment of the value at {@code position}. */
    public Assignment assignment(int position) {
        return new Assignment(path, values.get(position), "sweep.grid." + key, keyMark);
    }
}
