package org.threshold.runs.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.threshold.runs.DamagedFileException;
import org.threshold.runs.Json;
import org.threshold.runs.JsonFields;

/**
 * The names of a run's {@code checkpoints/} (docs/RUNS.md): one directory {@code step-<step>}
 * (nine digits) per checkpoint holding {@code state.json} and one file per binary part,
 * {@code model.params} and {@code optimizer.params}. A checkpoint is complete once its
 * {@code state.json} is there: it is written last, and the directory is renamed into place
 * after it. The trainer writes checkpoints; warm starts and probes read them through these names.
 *
 * <p>state.json's {@code parts} gives each binary part's length and CRC-32 ({@link PartSeal}), so
 * that a part cut short or damaged is found by anyone, before anything is loaded from it
 * ({@link #inspect}); checkpoints written before it was recorded are checked for presence only.
 */
public final class CheckpointLayout {

    /** The part holding the model's parameters: what a warm start and a probe read. */
    public static final String MODEL_PART = "model.params";
    /** The part holding the optimizer's state. */
    public static final String OPTIMIZER_PART = "optimizer.params";
    /** The loop's state (step, sampler, stopping rule), written last. */
    public static final String STATE = "state.json";
    /** state.json's field giving each part's {@link PartSeal}. */
    public static final String PARTS = "parts";

    /**
     * A binary part's length and CRC-32 as its writer saw it, in state.json's {@code parts}.
     *
     * @param bytes the file's length
     * @param crc32 its CRC-32, eight lower-case hex digits
     */
    public record PartSeal(long bytes, String crc32) {

        public static PartSeal of(long bytes, long crc) {
            return new PartSeal(bytes, String.format(Locale.ROOT, "%08x", crc));
        }

        public com.google.gson.JsonObject toJson() {
            com.google.gson.JsonObject o = new com.google.gson.JsonObject();
            o.addProperty("bytes", bytes);
            o.addProperty("crc32", crc32);
            return o;
        }
    }

    /**
     * One complete checkpoint as found on disk.
     *
     * @param step its step
     * @param directory its directory
     * @param damage what is wrong with its files; empty when they can be read
     * @param ended whether state.json says it is the last checkpoint of an ended run
     */
    public record Inspection(long step, Path directory, Optional<DamagedFileException> damage, boolean ended) {

        public boolean readable() {
            return damage.isEmpty();
        }
    }

    private static final Pattern NAME = Pattern.compile("step-(\\d+)");

    private final Path directory;

    /** @param directory a run's {@code checkpoints/} ({@link RunDirectory#checkpoints()}) */
    public CheckpointLayout(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** The directory the checkpoint of {@code step} has (or would have). */
    public Path step(long step) {
        return directory.resolve(name(step));
    }

    /** The model's parameters in the checkpoint of {@code step}. */
    public Path modelParameters(long step) {
        return step(step).resolve(MODEL_PART);
    }

    /** "step-000001000". */
    public static String name(long step) {
        return String.format("step-%09d", step);
    }

    /** The step of a checkpoint directory; empty for anything else (a partial one, another file). */
    public static Optional<Long> stepOf(Path checkpoint) {
        Matcher m = NAME.matcher(checkpoint.getFileName().toString());
        return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /** The complete checkpoints' directories, oldest first. */
    public List<Path> complete() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(directory)) {
            return children.filter(p -> stepOf(p).isPresent())
                    .filter(p -> Files.exists(p.resolve(STATE)))
                    .sorted(Comparator.comparingLong(p -> stepOf(p).orElseThrow()))
                    .toList();
        }
    }

    /**
     * Every complete checkpoint, newest first, with what is wrong with its files: state.json that
     * is not JSON or has no step, a part that is missing, or whose length or CRC-32 is not the one
     * state.json recorded.
     */
    public List<Inspection> inspect() throws IOException {
        List<Inspection> out = new ArrayList<>();
        for (Path checkpoint : newestFirst()) {
            out.add(inspect(checkpoint));
        }
        return out;
    }

    /**
     * The newest checkpoints down to the first readable one, newest first: what a run would
     * continue from and what it would pass over, without reading the older ones (a sweep asks
     * this of every unfinished point before it runs them).
     */
    public List<Inspection> inspectDownToReadable() throws IOException {
        List<Inspection> out = new ArrayList<>();
        for (Path checkpoint : newestFirst()) {
            Inspection found = inspect(checkpoint);
            out.add(found);
            if (found.readable()) {
                break;
            }
        }
        return out;
    }

    /** The complete checkpoints' directories, newest first. */
    public List<Path> newestFirst() throws IOException {
        List<Path> all = new ArrayList<>(complete());
        java.util.Collections.reverse(all);
        return all;
    }

    /** One complete checkpoint: what is wrong with its files, if anything. */
    public Inspection inspect(Path checkpoint) throws IOException {
        long step = stepOf(checkpoint).orElseThrow(() -> new IllegalArgumentException(checkpoint + " is not a checkpoint directory"));
        boolean ended = false;
        Optional<DamagedFileException> damage;
        try {
            JsonFields state = JsonFields.of(Json.object(checkpoint.resolve(STATE),
                    Files.readString(checkpoint.resolve(STATE), StandardCharsets.UTF_8)));
            ended = state.has("ended");
            damage = damage(checkpoint, state);
        } catch (DamagedFileException e) {
            damage = Optional.of(e);
        } catch (java.nio.charset.CharacterCodingException e) {
            damage = Optional.of(new DamagedFileException(checkpoint.resolve(STATE), "it is not UTF-8 text", e));
        }
        return new Inspection(step, checkpoint, damage, ended);
    }

    private static Optional<DamagedFileException> damage(Path checkpoint, JsonFields state) throws IOException {
        Path stateFile = checkpoint.resolve(STATE);
        try {
            state.whole("step");
            if (!state.has(PARTS)) { // written before parts were sealed: their presence is all that can be checked
                for (String part : List.of(MODEL_PART, OPTIMIZER_PART)) {
                    if (!Files.isRegularFile(checkpoint.resolve(part))) {
                        return Optional.of(new DamagedFileException(checkpoint.resolve(part), "it is missing"));
                    }
                }
                return Optional.empty();
            }
            JsonFields parts = state.object(PARTS);
            for (String part : parts.keys()) {
                JsonFields seal = parts.object(part);
                Optional<String> problem = problem(checkpoint.resolve(part), seal.whole("bytes"), seal.text("crc32"));
                if (problem.isPresent()) {
                    return Optional.of(new DamagedFileException(checkpoint.resolve(part), problem.get()));
                }
            }
            return Optional.empty();
        } catch (JsonFields.Problem e) {
            return Optional.of(new DamagedFileException(stateFile, e.getMessage(), e));
        }
    }

    /** What is wrong with a part given its seal; empty when its length and CRC-32 are the recorded ones. */
    static Optional<String> problem(Path part, long bytes, String crc32) throws IOException {
        if (!Files.isRegularFile(part)) {
            return Optional.of("it is missing");
        }
        long size = Files.size(part);
        if (size < bytes) {
            return Optional.of("it is cut short: " + size + " of its " + bytes + " bytes are there");
        }
        if (size > bytes) {
            return Optional.of("it has " + size + " bytes, " + bytes + " were written");
        }
        if (!crc32(part).equals(crc32)) {
            return Optional.of("its bytes are not those written (CRC-32 " + crc32(part) + ", written " + crc32 + ")");
        }
        return Optional.empty();
    }

    /** A file's CRC-32, eight lower-case hex digits. */
    public static String crc32(Path file) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
            }
        }
        return String.format(Locale.ROOT, "%08x", crc.getValue());
    }

    /** Steps that have a complete checkpoint, ascending. */
    public List<Long> steps() throws IOException {
        return complete().stream().map(p -> stepOf(p).orElseThrow()).toList();
    }
}
