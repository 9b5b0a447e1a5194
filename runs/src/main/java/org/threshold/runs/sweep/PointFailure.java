package org.threshold.runs.sweep;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.threshold.runs.AtomicFile;
import org.threshold.runs.Json;
import org.threshold.runs.JsonFields;

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
        JsonFields f = JsonFields.of(o);
        return new PointFailure(f.integer("index"), f.text("identity"), f.integer("exit_code"), f.text("command"),
                f.texts("stderr_tail"), f.text("time"), f.number("wall_s"));
    }

    public void write(Path runDirectory) {
        try {
            AtomicFile.writeText(runDirectory.resolve(FILE), Json.PRETTY.toJson(toJson()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + runDirectory.resolve(FILE), e);
        }
    }

    /** @throws org.threshold.runs.DamagedFileException when it is there but cannot be read, naming what is wrong */
    public static Optional<PointFailure> read(Path runDirectory) {
        return Json.read(runDirectory.resolve(FILE), PointFailure::fromJson);
    }
}
