package org.threshold.runs.sweep;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.internal.LazilyParsedNumber;
import java.util.Map;
import java.util.regex.Pattern;
import org.threshold.api.config.ConfigNode;

/**
 * A grid coordinate as people read it: one line of flow YAML ({@code 16}, {@code [MAX, MED]},
 * {@code {MAX: 2, SUM: 1}}), for labels, CSV cells and curve filters; and as typed JSON for the
 * index.
 */
public final class GridValue {

    /** JSON's number syntax; a YAML number outside it (45_000, +5) is written as text. */
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][-+]?\\d+)?");

    private GridValue() {
    }

    /** One line of flow YAML, as the value was written (scalars keep their text). */
    public static String text(ConfigNode node) {
        if (node instanceof ConfigNode.Scalar s) {
            return s.isNull() ? "null" : s.text();
        }
        if (node instanceof ConfigNode.Sequence q) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < q.items().size(); i++) {
                out.append(i == 0 ? "" : ", ").append(text(q.items().get(i)));
            }
            return out.append(']').toString();
        }
        StringBuilder out = new StringBuilder("{");
        ConfigNode.Mapping m = (ConfigNode.Mapping) node;
        for (int i = 0; i < m.entries().size(); i++) {
            ConfigNode.Entry e = m.entries().get(i);
            out.append(i == 0 ? "" : ", ").append(e.key()).append(": ").append(text(e.value()));
        }
        return out.append('}').toString();
    }

    /** Typed JSON: numbers, booleans and null where YAML reads them so unquoted, otherwise text. */
    public static JsonElement json(ConfigNode node) {
        if (node instanceof ConfigNode.Scalar s) {
            if (s.isNull()) {
                return JsonNull.INSTANCE;
            }
            if (s.plain() && JSON_NUMBER.matcher(s.text()).matches()) {
                return new JsonPrimitive(new LazilyParsedNumber(s.text()));
            }
            if (s.plain() && (s.text().equals("true") || s.text().equals("false"))) {
                return new JsonPrimitive(Boolean.parseBoolean(s.text()));
            }
            return new JsonPrimitive(s.text());
        }
        if (node instanceof ConfigNode.Sequence q) {
            JsonArray array = new JsonArray();
            q.items().forEach(item -> array.add(json(item)));
            return array;
        }
        JsonObject object = new JsonObject();
        ((ConfigNode.Mapping) node).entries().forEach(e -> object.add(e.key(), json(e.value())));
        return object;
    }

    /** {@link #text} of a value read back from the index's JSON. */
    public static String text(JsonElement json) {
        if (json.isJsonNull()) {
            return "null";
        }
        if (json.isJsonPrimitive()) {
            return json.getAsString();
        }
        if (json.isJsonArray()) {
            StringBuilder out = new StringBuilder("[");
            JsonArray array = json.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(text(array.get(i)));
            }
            return out.append(']').toString();
        }
        StringBuilder out = new StringBuilder("{");
        int i = 0;
        for (Map.Entry<String, JsonElement> e : json.getAsJsonObject().entrySet()) {
            out.append(i++ == 0 ? "" : ", ").append(e.getKey()).append(": ").append(text(e.getValue()));
        }
        return out.append('}').toString();
    }

    /**
     * The mixture a value names, for a grid axis chosen as the mixture: a list of operators or a
     * mapping of weights gives their names joined by '+' ({@code [MAX, MED, SUM]} and
     * {@code {MAX: 1, MED: 1, SUM: 1}} give MAX+MED+SUM; unequal weights are kept:
     * {@code {MAX: 2, SUM: 1}} gives MAX:2+SUM:1), a scalar its text.
     */
    public static String mixtureLabel(ConfigNode node) {
        if (node instanceof ConfigNode.Sequence q && q.items().stream().allMatch(i -> i instanceof ConfigNode.Scalar)) {
            return String.join("+", q.items().stream().map(GridValue::text).toList());
        }
        if (node instanceof ConfigNode.Mapping m && m.entries().stream().allMatch(e -> e.value() instanceof ConfigNode.Scalar)) {
            boolean equal = m.entries().stream().map(e -> text(e.value())).distinct().count() <= 1;
            return String.join("+", m.entries().stream().map(e -> equal ? e.key() : e.key() + ":" + text(e.value())).toList());
        }
        return text(node);
    }
}
