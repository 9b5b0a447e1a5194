package org.threshold.runs.sweep;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.threshold.runs.AtomicFile;
import org.threshold.runs.Json;

/**
 * failure.json in a run directory: a grid point whose process ended without a result (a crash,
 * a bad config, the machine). Written by the executor; removed when the point is started again,
 * so a run directory with a result never has one. A run that ends with a result of status
 * failed (a diverged loss) says so in its result.json instead.
 *
 * @param index the grid point
 * @param identity the run
 * @param exitCode the process's exit code
 * @param command the command that reproduces the failure
 * @param stderrTail the last lines the process wrote to stderr
 * @param time when it ended (ISO-8601, UTC)
 * @param wallSeconds how long it ran
 */
public record PointFailure(int index, String identity, int exitCode, String command, List<String> stderrTail, String time,
                           double wallSeconds) {

    public static final String FILE = "failure.json";

    /** Lines of stderr kept. */
    public static final int TAIL_LINES = 40;

    public PointFailure {
        stderrTail = List.copyOf(stderrTail);
    }

    /** "exit code 1: threshold: internal failure: ..." (the last line of stderr that says something). */
    public String describe() {
        String last = "";
        for (int i = stderrTail.size() - 1; i >= 0 && last.isEmpty(); i--) {
            last = stderrTail.get(i).strip();
        }
        return "exit code " + exitCode + (last.isEmpty() ? "" : ": " + last);
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("index", index);
        o.addProperty("identity", identity);
        o.addProperty("exit_code", exitCode);
        o.addProperty("command", command);
        JsonArray tail = new JsonArray();
        stderrTail.forEach(tail::add);
        o.add("stderr_tail", tail);
        o.addProperty("time", time);
        o.addProperty("wall_s", wallSeconds);
        return o;
    }

    public static PointFailure fromJson(JsonObject o) {
        List<String> tail = new ArrayList<>();
        o.getAsJsonArray("stderr_tail").forEach(l -> tail.add(l.getAsString()));
        return new PointFailure(o.get("index").getAsInt(), o.get("identity").getAsString(), o.get("exit_code").getAsInt(),
                o.get("command").getAsString(), tail, o.get("time").getAsString(), o.get("wall_s").getAsDouble());
    }

    public void write(Path runDirectory) {
        try {
            AtomicFile.writeText(runDirectory.resolve(FILE), Json.PRETTY.toJson(toJson()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + runDirectory.resolve(FILE), e);
        }
    }

    public static Optional<PointFailure> read(Path runDirectory) {
        Path file = runDirectory.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(fromJson(Json.parse(Files.readString(file, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
