package org.threshold.runs;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonIOException;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import com.google.gson.stream.JsonReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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

    /**
     * A file of one JSON object read by {@code format} (a record's {@code fromJson}); empty when
     * the file does not exist.
     *
     * @throws DamagedFileException when it exists but is empty, cut short, not JSON, or lacks a field {@code format} needs
     * @throws UncheckedIOException when it cannot be read at all (permissions, the disk), naming it
     */
    public static <T> Optional<T> read(Path file, Function<JsonObject, T> format) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new DamagedFileException(file, "it is not UTF-8 text", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        JsonObject object = object(file, text);
        try {
            return Optional.of(format.apply(object));
        } catch (JsonFields.Problem e) {
            throw new DamagedFileException(file, e.getMessage(), e);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NullPointerException
                 | ClassCastException e) {
            // a reader not written with JsonFields; the field is then not named. (An IllegalArgumentException
            // is a reader's own verdict, e.g. an index of another schema, and passes as it is.)
            throw new DamagedFileException(file, "a field is missing or has the wrong type (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The JSON object a file's text holds.
     *
     * @throws DamagedFileException naming what is wrong: empty, zero bytes, cut short, not JSON, not an object
     */
    public static JsonObject object(Path file, String text) {
        if (text.isBlank()) {
            throw new DamagedFileException(file, "it is empty");
        }
        if (text.chars().allMatch(c -> c == 0)) {
            // what a file system can leave when the machine stops before the data reached the disk
            throw new DamagedFileException(file, "it holds only zero bytes");
        }
        JsonElement element;
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setLenient(true); // NaN and infinities, as COMPACT writes them
            element = JsonParser.parseReader(reader);
            if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
                throw new DamagedFileException(file, "it is not JSON: more follows its first value");
            }
        } catch (JsonSyntaxException | JsonIOException | IOException e) {
            if (endsEarly(e)) {
                throw new DamagedFileException(file, "it ends in the middle of its JSON (cut short)", e);
            }
            throw new DamagedFileException(file, "it is not JSON (" + reason(e) + ")", e);
        }
        if (!element.isJsonObject()) {
            throw new DamagedFileException(file, "it is not a JSON object (found " + abbreviate(element.toString()) + ")");
        }
        return element.getAsJsonObject();
    }

    private static boolean endsEarly(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException || String.valueOf(t.getMessage()).startsWith("End of input")
                    || String.valueOf(t.getMessage()).startsWith("Unterminated string")) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Throwable e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        String message = String.valueOf(t.getMessage());
        int see = message.indexOf("\nSee https://");
        if (see < 0) {
            see = message.indexOf("\nSee ");
        }
        return see >= 0 ? message.substring(0, see) : message;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
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
