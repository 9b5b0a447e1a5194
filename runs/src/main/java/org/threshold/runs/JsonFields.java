package org.threshold.runs;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The fields of a JSON object of the run formats, read by name. A field that is missing or of
 * another type is a {@link Problem} naming it ({@code time.wall_s}), where Gson's own accessors
 * give a NullPointerException naming nothing; readers turn it into a {@link DamagedFileException}
 * that names the file too.
 */
public final class JsonFields {

    /** A field a format needs is missing or is not what the format says; the message names it. */
    public static final class Problem extends JsonParseException {

        private static final long serialVersionUID = 1L;

        public Problem(String message) {
            super(message);
        }
    }

    private final JsonObject object;
    private final String prefix;

    private JsonFields(JsonObject object, String prefix) {
        this.object = object;
        this.prefix = prefix;
    }

    public static JsonFields of(JsonObject object) {
        return new JsonFields(object, "");
    }

    /** The object itself, for fields read otherwise. */
    public JsonObject json() {
        return object;
    }

    /** Whether the field is there and not null. */
    public boolean has(String key) {
        JsonElement e = object.get(key);
        return e != null && !e.isJsonNull();
    }

    public String text(String key) {
        JsonPrimitive p = primitive(key, "a text");
        if (!p.isString() && !p.isNumber() && !p.isBoolean()) {
            throw wrongType(key, "a text");
        }
        return p.getAsString();
    }

    public Optional<String> optionalText(String key) {
        return has(key) ? Optional.of(text(key)) : Optional.empty();
    }

    public double number(String key) {
        JsonPrimitive p = primitive(key, "a number");
        // NaN and infinities are written as words (checkpoint state, Json.COMPACT)
        if (p.isNumber() || (p.isString() && isSpecialNumber(p.getAsString()))) {
            return p.getAsDouble();
        }
        throw wrongType(key, "a number");
    }

    public OptionalDouble optionalNumber(String key) {
        return has(key) ? OptionalDouble.of(number(key)) : OptionalDouble.empty();
    }

    public long whole(String key) {
        JsonPrimitive p = primitive(key, "a whole number");
        if (!p.isNumber()) {
            throw wrongType(key, "a whole number");
        }
        try {
            return new BigDecimal(p.getAsString()).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw wrongType(key, "a whole number");
        }
    }

    public int integer(String key) {
        long value = whole(key);
        if (value != (int) value) {
            throw wrongType(key, "a whole number of at most 10 digits");
        }
        return (int) value;
    }

    public boolean bool(String key) {
        JsonPrimitive p = primitive(key, "true or false");
        if (!p.isBoolean()) {
            throw wrongType(key, "true or false");
        }
        return p.getAsBoolean();
    }

    public JsonFields object(String key) {
        JsonElement e = required(key);
        if (!e.isJsonObject()) {
            throw wrongType(key, "an object");
        }
        return new JsonFields(e.getAsJsonObject(), prefix + key + ".");
    }

    public Optional<JsonFields> optionalObject(String key) {
        return has(key) ? Optional.of(object(key)) : Optional.empty();
    }

    public JsonArray array(String key) {
        JsonElement e = required(key);
        if (!e.isJsonArray()) {
            throw wrongType(key, "a list");
        }
        return e.getAsJsonArray();
    }

    /** The elements of a list field that are objects, each named {@code key[i]}. */
    public List<JsonFields> objects(String key) {
        JsonArray array = array(key);
        List<JsonFields> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isJsonObject()) {
                throw new Problem("its field '" + prefix + key + "[" + i + "]' is not an object (found " + array.get(i) + ")");
            }
            out.add(new JsonFields(array.get(i).getAsJsonObject(), prefix + key + "[" + i + "]."));
        }
        return out;
    }

    /** The texts of a list field, in order. */
    public List<String> texts(String key) {
        JsonArray array = array(key);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonElement e = array.get(i);
            if (!e.isJsonPrimitive()) {
                throw new Problem("its field '" + prefix + key + "[" + i + "]' is not a text (found " + e + ")");
            }
            out.add(e.getAsString());
        }
        return out;
    }

    /** An object field of numbers, in its order. */
    public Map<String, Double> numbers(String key) {
        JsonFields numbers = object(key);
        Map<String, Double> out = new LinkedHashMap<>();
        for (String name : numbers.object.keySet()) {
            out.put(name, numbers.number(name));
        }
        return out;
    }

    /** The names of the object's fields, in order. */
    public Set<String> keys() {
        return object.keySet();
    }

    private JsonElement required(String key) {
        JsonElement e = object.get(key);
        if (e == null || e.isJsonNull()) {
            throw new Problem("it has no field '" + prefix + key + "'");
        }
        return e;
    }

    private JsonPrimitive primitive(String key, String expected) {
        JsonElement e = required(key);
        if (!e.isJsonPrimitive()) {
            throw wrongType(key, expected);
        }
        return e.getAsJsonPrimitive();
    }

    private Problem wrongType(String key, String expected) {
        String found = String.valueOf(object.get(key));
        if (found.length() > 60) {
            found = found.substring(0, 57) + "...";
        }
        return new Problem("its field '" + prefix + key + "' is not " + expected + " (found " + found + ")");
    }

    private static boolean isSpecialNumber(String text) {
        return text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity");
    }
}
