package org.threshold.runs.run;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.threshold.runs.DamagedFileException;
import org.threshold.runs.Json;

/**
 * metrics.jsonl: one JSON object per line, one line per evaluation, in step order. Appended as the
 * run goes; a resumed run first drops the lines after its checkpoint, so the file ends up as an
 * uninterrupted run would have written it.
 */
public final class MetricsLog {

    private final Path file;

    MetricsLog(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public void append(EvaluationRecord record) {
        String line = Json.COMPACT.toJson(record.toJson()) + "\n";
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    /**
     * Every complete line, in order; empty when the file does not exist yet.
     *
     * @throws DamagedFileException naming the first line that is not an evaluation record
     */
    public List<EvaluationRecord> read() {
        List<EvaluationRecord> records = new ArrayList<>();
        List<String> lines = completeLines();
        for (int i = 0; i < lines.size(); i++) {
            records.add(parse(lines.get(i), i + 1));
        }
        return records;
    }

    /**
     * Keeps the evaluations at steps up to {@code step} and drops the rest (and a last line that a
     * killed run left half written); atomic.
     */
    public void keepUpTo(long step, RunDirectory directory) {
        StringBuilder kept = new StringBuilder();
        List<String> lines = completeLines();
        for (int i = 0; i < lines.size(); i++) {
            if (parse(lines.get(i), i + 1).step() <= step) {
                kept.append(lines.get(i)).append('\n');
            }
        }
        directory.writeAtomically(file, kept.toString());
    }

    private EvaluationRecord parse(String line, int number) {
        JsonObject object;
        try {
            object = Json.parse(line);
        } catch (JsonParseException e) {
            throw new DamagedFileException(file, "line " + number + " is not JSON: " + abbreviate(line), e);
        }
        if (object == null) {
            throw new DamagedFileException(file, "line " + number + " is not a JSON object: " + abbreviate(line));
        }
        // JsonFields names a missing or mistyped field; Gson's own exceptions would name none
        try {
            return EvaluationRecord.fromJson(object);
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException | UnsupportedOperationException e) {
            throw new DamagedFileException(file, "line " + number + " is not an evaluation record: "
                    + e.getMessage().replaceFirst("^its ", "").replaceFirst("^it ", ""), e);
        }
    }

    private static String abbreviate(String line) {
        return line.length() > 60 ? line.substring(0, 57) + "..." : line;
    }

    private List<String> completeLines() {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
            String line = text.substring(start, i);
            if (!line.isBlank()) {
                lines.add(line);
            }
            start = i + 1;
        }
        return lines; // text after the last newline is a line a killed run did not finish
    }
}
