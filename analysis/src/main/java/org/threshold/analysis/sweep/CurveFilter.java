package org.threshold.analysis.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.threshold.runs.sweep.IndexEntry;

/**
 * One figure of training curves ({@code sweep.analysis.curves}): the runs whose coordinates match
 * every key given. Keys are grid keys or {@code mixture}; values compare as written
 * ({@code {model.d: 32, seed: 1}}).
 *
 * @param match key to value text
 */
public record CurveFilter(Map<String, String> match) {

    public CurveFilter {
        match = Collections.unmodifiableMap(new LinkedHashMap<>(match));
    }

    public boolean matches(IndexEntry point) {
        return match.entrySet().stream().allMatch(e -> e.getKey().equals("mixture")
                ? point.mixture().equals(e.getValue())
                : point.coordinate(e.getKey()).map(v -> v.equals(e.getValue())).orElse(false));
    }

    /** "model.d=32, seed=1", for a figure's title. */
    public String describe() {
        return String.join(", ", match.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }
}
