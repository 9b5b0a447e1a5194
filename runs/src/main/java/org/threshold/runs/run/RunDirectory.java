package org.threshold.runs.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.stream.Stream;
import org.threshold.runs.AtomicFile;
import org.threshold.runs.DamagedFileException;
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

    /**
     * The result of a finished (or failed) run; empty while it has not ended.
     *
     * @throws DamagedFileException when result.json is there but cannot be read (empty, cut short,
     *     a field missing): the run ended, and its result can be rebuilt from its final checkpoint
     */
    public Optional<RunResult> readResult() {
        return Json.read(result(), RunResult::fromJson);
    }

    public void writeResult(RunResult result) {
        writeAtomically(result(), Json.PRETTY.toJson(result.toJson()) + "\n");
    }

    public void writeProvenance(Provenance provenance) {
        writeAtomically(provenance(), Json.PRETTY.toJson(provenance.toJson()) + "\n");
    }

    /** @throws DamagedFileException when provenance.json is there but cannot be read */
    public Optional<Provenance> readProvenance() {
        return Json.read(provenance(), Provenance::fromJson);
    }

    /**
     * Moves a damaged file out of the way, keeping it beside its place as {@code <name>.damaged}
     * ({@code .damaged-2}, ... when that exists), so that it can be written again while what was
     * in it stays for whoever wants to look.
     *
     * @return where it is now
     */
    public Path setAside(Path file) {
        Path target = file.resolveSibling(file.getFileName() + ".damaged");
        for (int n = 2; Files.exists(target); n++) {
            target = file.resolveSibling(file.getFileName() + ".damaged-" + n);
        }
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the damaged " + file + " aside", e);
        }
        return target;
    }

    /**
     * Before a run is trained again from step 0 ({@code threshold run --retrain}): moves what its
     * training wrote (result.json and any set-aside copies, metrics.jsonl, provenance.json,
     * checkpoints/, probes/) into {@code replaced-<time>/}, so that nothing is deleted. The
     * config, the command, the logs and the locks stay.
     *
     * @return the directory they are in now
     */
    public Path setAsideForRetraining() {
        String stamp = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString().replace(':', '-');
        Path target = path.resolve("replaced-" + stamp);
        for (int n = 2; Files.exists(target); n++) {
            target = path.resolve("replaced-" + stamp + "-" + n);
        }
        try {
            Files.createDirectories(target);
            try (Stream<Path> children = Files.list(path)) {
                for (Path child : children.toList()) {
                    String name = child.getFileName().toString();
                    boolean written = name.startsWith("result.json") || name.startsWith("provenance.json")
                            || name.equals("metrics.jsonl") || name.equals("checkpoints") || name.equals("probes");
                    if (written) {
                        Files.move(child, target.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move what " + path + " holds aside", e);
        }
        return target;
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
