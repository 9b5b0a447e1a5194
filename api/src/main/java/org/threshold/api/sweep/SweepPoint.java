package org.threshold.api.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One grid point as an executor sees it: which run it is and where it sits in the grid. The sweep
 * directory's index (docs/SWEEPS.md) holds the same, with the coordinates as typed values.
 *
 * @param index the point's number ({@code threshold run SWEEP --index I})
 * @param identity the run's identity: its directory under the sweep's {@code runs/}
 * @param mixture the label its transition point is reported under
 * @param variant the variant's name, when the sweep has variants
 * @param coordinates grid key to the value's text, in the order of {@code sweep.grid}
 * @param parameters the model's trainable parameters (SPEC section 5)
 * @param seed the data seed
 * @param initSeed the weights and batch-order seed
 * @param metric the run's headline metric (result.json's test_accuracy)
 * @param stacking which points it may share a stack with ({@code sweep.executor.stack})
 */
public record SweepPoint(int index, String identity, String mixture, Optional<String> variant, Map<String, String> coordinates,
                         long parameters, long seed, long initSeed, String metric, StackShape stacking) {

    public SweepPoint {
        coordinates = Collections.unmodifiableMap(new LinkedHashMap<>(coordinates));
    }

    /** A point whose stack shape the sweep did not give ({@link StackShape#UNKNOWN}): it trains alone. */
    public SweepPoint(int index, String identity, String mixture, Optional<String> variant, Map<String, String> coordinates,
                      long parameters, long seed, long initSeed, String metric) {
        this(index, identity, mixture, variant, coordinates, parameters, seed, initSeed, metric, StackShape.UNKNOWN);
    }

    /** A coordinate's text; empty for a key the point does not have. */
    public Optional<String> coordinate(String key) {
        return Optional.ofNullable(coordinates.get(key));
    }

    /** The seed label runs are bootstrapped by: runs sharing data and initial weights stay together. */
    public String seedLabel() {
        return initSeed == seed ? "seed=" + seed : "seed=" + seed + ",init_seed=" + initSeed;
    }

    /** "point 3 SUM-900 model.d=16 seed=2 (3f9a2c1d0b7e)". */
    public String describe() {
        List<String> parts = new ArrayList<>(List.of("point", Integer.toString(index), mixture));
        coordinates.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(" ", parts) + " (" + identity + ")";
    }
}
