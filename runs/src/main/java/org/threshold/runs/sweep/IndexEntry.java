package org.threshold.runs.sweep;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.threshold.api.sweep.StackShape;
import org.threshold.api.sweep.SweepPoint;
import org.threshold.runs.JsonFields;

/**
 * One grid point in the sweep's index: where it sits in the grid and which run it is.
 *
 * @param index the point's number ({@code threshold run SWEEP --index I})
 * @param identity the run's identity: its directory under {@code runs/}
 * @param mixture the label its transition point is reported under
 * @param variant the variant's name, when the sweep has variants
 * @param coordinates grid key to value (typed JSON), in the order of {@code sweep.grid}
 * @param parameters the model's trainable parameters (SPEC section 5)
 * @param seed the data seed
 * @param initSeed the weights and batch-order seed
 * @param metric the run's headline metric (result.json's test_accuracy)
 * @param stacking which points it may share a stack with (SPEC section 10)
 */
public record IndexEntry(int index, String identity, String mixture, Optional<String> variant,
                         Map<String, JsonElement> coordinates, long parameters, long seed, long initSeed, String metric,
                         StackShape stacking) {

    /** An entry whose stack shape is not known (an index written before stacks): it trains alone. */
    public IndexEntry(int index, String identity, String mixture, Optional<String> variant,
                      Map<String, JsonElement> coordinates, long parameters, long seed, long initSeed, String metric) {
        this(index, identity, mixture, variant, coordinates, parameters, seed, initSeed, metric, StackShape.UNKNOWN);
    }

    public IndexEntry {
        Map<String, JsonElement> copy = new LinkedHashMap<>();
        coordinates.forEach((k, v) -> copy.put(k, v.deepCopy()));
        coordinates = Collections.unmodifiableMap(copy);
    }

    /** A coordinate as text ({@link GridValue#text(JsonElement)}); empty for a key the point does not have. */
    public Optional<String> coordinate(String key) {
        return Optional.ofNullable(coordinates.get(key)).map(GridValue::text);
    }

    /** The seed label runs are bootstrapped by: runs sharing data and initial weights stay together. */
    public String seedLabel() {
        return initSeed == seed ? "seed=" + seed : "seed=" + seed + ",init_seed=" + initSeed;
    }

    /** "point 3 SUM-900 model.d=16 seed=2 (3f9a2c1d0b7e)". */
    public String describe() {
        return point().describe();
    }

    /** The point as the executor SPI passes it, coordinates as text. */
    public SweepPoint point() {
        Map<String, String> text = new LinkedHashMap<>();
        coordinates.forEach((k, v) -> text.put(k, GridValue.text(v)));
        return new SweepPoint(index, identity, mixture, variant, text, parameters, seed, initSeed, metric, stacking);
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("index", index);
        o.addProperty("identity", identity);
        o.addProperty("mixture", mixture);
        variant.ifPresent(v -> o.addProperty("variant", v));
        JsonObject c = new JsonObject();
        coordinates.forEach(c::add);
        o.add("coordinates", c);
        o.addProperty("parameters", parameters);
        o.addProperty("seed", seed);
        o.addProperty("init_seed", initSeed);
        o.addProperty("metric", metric);
        o.addProperty("run", "runs/" + identity);
        if (stacking.stacks()) {
            o.addProperty("stack_shape", stacking.shapeClass());
        } else if (stacking != StackShape.UNKNOWN) {
            o.addProperty("trains_alone", stacking.alone().orElseThrow());
        }
        return o;
    }

    public static IndexEntry fromJson(JsonObject o) {
        JsonFields f = JsonFields.of(o);
        Map<String, JsonElement> coordinates = new LinkedHashMap<>();
        f.object("coordinates").json().entrySet().forEach(e -> coordinates.put(e.getKey(), e.getValue()));
        return new IndexEntry(f.integer("index"), f.text("identity"), f.text("mixture"), f.optionalText("variant"), coordinates,
                f.whole("parameters"), f.whole("seed"), f.whole("init_seed"), f.text("metric"),
                f.has("stack_shape") ? StackShape.of(f.integer("stack_shape"))
                        : f.optionalText("trains_alone").map(StackShape::alone).orElse(StackShape.UNKNOWN));
    }
}
