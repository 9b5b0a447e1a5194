package org.threshold.runs.run;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.threshold.runs.AtomicFile;
import org.threshold.runs.Json;

/**
 * One run's directory (DESIGN.md, run directories): {@code <output>/<identity>/} with
 * {@code config.yaml}, {@code metrics.jsonl}, {@code result.json}, {@code provenance.json},
 * {@code command}, {@code checkpoints/} ({@link CheckpointLayout}) and {@code probes/}. The format is documented in docs/RUNS.md.
 *
 * <p>Every file a reader may see half done is written to a temporary file in the same directory
 * and moved into place atomically.
 */
public final class RunDirectory {

    private final Path path;

    public RunDirectory(Path path) {
        this.path = path;
    }

    /** The directory of the run named {@code identity} under the output directory. */
    public static RunDirectory under(Path output, String identity) {
        if (identity.isBlank() || identity.contains("/") || identity.contains("\\") || identity.startsWith(".")) {
            throw new IllegalArgumentException("'" + identity + "' cannot name a run directory");
        }
        return new RunDirectory(output.resolve(identity));
    }

    public Path path() {
        return path;
    }

    /** The run's resolved config. */
    public Path config() {
        return path.resolve("config.yaml");
    }

    public MetricsLog metrics() {
        return new MetricsLog(path.resolve("metrics.jsonl"));
    }

    /** The final figures, written last: its presence means the run is done. */
    public Path result() {
        return path.resolve("result.json");
    }

    public Path provenance() {
        return path.resolve("provenance.json");
    }

    /** The one command that reproduces the run. */
    public Path command() {
        return path.resolve("command");
    }

    public Path checkpoints() {
        return path.resolve("checkpoints");
    }

    /** Where the run's probes write, one directory per probe (docs/PROBES.md). */
    public Path probes() {
        return path.resolve("probes");
    }

    public void create() {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run directory " + path + " (runtime.output)", e);
        }
    }

    /** The result of a finished (or failed) run; empty while it has not ended. */
    public Optional<RunResult> readResult() {
        if (!Files.exists(result())) {
            return Optional.empty();
        }
        try {
            return Optional.of(RunResult.fromJson(Json.parse(Files.readString(result(), StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + result(), e);
        }
    }

    public void writeResult(RunResult result) {
        writeAtomically(result(), Json.PRETTY.toJson(result.toJson()) + "\n");
    }

    public void writeProvenance(Provenance provenance) {
        writeAtomically(provenance(), Json.PRETTY.toJson(provenance.toJson()) + "\n");
    }

    public Optional<Provenance> readProvenance() {
        if (!Files.exists(provenance())) {
            return Optional.empty();
        }
        try {
            JsonObject o = Json.parse(Files.readString(provenance(), StandardCharsets.UTF_8));
            return Optional.of(Provenance.fromJson(o));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + provenance(), e);
        }
    }

    /** Writes {@code text} to {@code file} through a temporary file in the same directory and an atomic move. */
    public void writeAtomically(Path file, String text) {
        try {
            AtomicFile.writeText(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
