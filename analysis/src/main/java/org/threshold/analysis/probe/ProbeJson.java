package org.threshold.analysis.probe;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import org.threshold.runs.AtomicFile;

/** The probes' JSON files: pretty, NaN written as null, written atomically. */
final class ProbeJson {

    private ProbeJson() {
    }

    static void write(Path file, JsonObject json) throws IOException {
        AtomicFile.writeText(file, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n");
    }

    static JsonObject numbers(Map<String, Double> values) {
        JsonObject o = new JsonObject();
        values.forEach((k, v) -> put(o, k, v));
        return o;
    }

    static void put(JsonObject o, String key, double value) {
        if (Double.isFinite(value)) {
            o.addProperty(key, value);
        } else {
            o.add(key, com.google.gson.JsonNull.INSTANCE);
        }
    }

    static JsonArray texts(Collection<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    static JsonArray numbers(double[] values) {
        JsonArray a = new JsonArray();
        for (double v : values) {
            a.add(Double.isFinite(v) ? new com.google.gson.JsonPrimitive(v) : com.google.gson.JsonNull.INSTANCE);
        }
        return a;
    }
}
