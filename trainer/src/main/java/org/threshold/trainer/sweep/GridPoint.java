package org.threshold.trainer.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threshold.api.config.ConfigNode;
import org.threshold.runs.sweep.GridValue;

/**
 * One run of a sweep before it is bound: its position in the grid and the values it puts into
 * the run file.
 *
 * @param index position in the sweep, from 0 (the {@code --index} of {@code threshold run})
 * @param variant the variant's name, when the sweep has variants
 * @param coordinates grid key to value, in the order of {@code sweep.grid}
 * @param assignments the variant's changes, then the grid's, in the order they are applied
 */
public record GridPoint(int index, Optional<String> variant, Map<String, ConfigNode> coordinates,
                        List<Assignment> assignments) {

    public GridPoint {
        coordinates = Collections.unmodifiableMap(new LinkedHashMap<>(coordinates));
        assignments = List.copyOf(assignments);
    }

    /** "grid point 3 (SUM-900, model.d=16, seed=2)", for messages. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        variant.ifPresent(parts::add);
        coordinates.forEach((key, value) -> parts.add(key + "=" + GridValue.text(value)));
        return "grid point " + index + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
    }
}
