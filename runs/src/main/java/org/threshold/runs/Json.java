package org.threshold.runs;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run directory's JSON conventions: one Gson, field names in snake_case written explicitly by
 * each record (they are a documented format, docs/RUNS.md), doubles written so that they read back
 * bit for bit.
 */
public final class Json {

    /** Compact, one object per line where a file holds lines; NaN allowed for checkpoint state only. */
    public static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().serializeSpecialFloatingPointValues().create();
    public static final Gson PRETTY = new GsonBuilder().disableHtmlEscaping().serializeSpecialFloatingPointValues()
            .setPrettyPrinting().create();

    private Json() {
    }

    public static JsonObject parse(String text) {
        return COMPACT.fromJson(text, JsonObject.class);
    }

    public static JsonObject numbers(Map<String, Double> values) {
        JsonObject o = new JsonObject();
        values.forEach(o::addProperty);
        return o;
    }

    /** The numbers of an object, in its order. */
    public static Map<String, Double> numbers(JsonObject o) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            m.put(e.getKey(), e.getValue().getAsDouble());
        }
        return m;
    }
}
