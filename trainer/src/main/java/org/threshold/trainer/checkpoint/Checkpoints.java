package org.threshold.trainer.checkpoint;

import com.google.gson.JsonObject;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.threshold.runs.DamagedFileException;
import org.threshold.runs.IoFailure;
import org.threshold.runs.Json;
import org.threshold.runs.run.CheckpointLayout;

/**
 * A run's checkpoints ({@link CheckpointLayout} names them): {@code checkpoints/step-<step>/}, each written completely into a hidden
 * directory and then renamed into place, so a run killed while saving leaves the previous
 * checkpoint intact and never a half-written one. Only the newest {@code keep} are kept.
 */
public final class Checkpoints {

    /** The part holding the model's parameters ({@link ParameterFile}): what a warm start reads. */
    public static final String MODEL_PART = CheckpointLayout.MODEL_PART;
    /** The part holding the optimizer's state. */
    public static final String OPTIMIZER_PART = CheckpointLayout.OPTIMIZER_PART;

    private static final String STATE = CheckpointLayout.STATE;

    private final Path directory;
    private final CheckpointLayout layout;
    private final int keep;
    private final Set<Long> keptSteps;

    /**
     * @param directory the run's {@code checkpoints/}
     * @param keep how many of the newest checkpoints to keep (at least 1)
     */
    public Checkpoints(Path directory, int keep) {
        this(directory, keep, Set.of());
    }

    /**
     * @param keptSteps steps whose checkpoints are never pruned (besides the newest {@code keep})
     */
    public Checkpoints(Path directory, int keep, Set<Long> keptSteps) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep at least one checkpoint, got " + keep);
        }
        this.directory = directory;
        this.layout = new CheckpointLayout(directory);
        this.keep = keep;
        this.keptSteps = Set.copyOf(keptSteps);
    }

    /**
     * Saves the state and the parts (file name to writer) as the checkpoint of {@code state.step()}.
     * state.json records each part's length and CRC-32, so a part cut short is found before it is
     * loaded. When writing fails (a full disk), the partial checkpoint is removed again: it can
     * never be used, and its space may be what the run's other files need.
     */
    public SavedCheckpoint save(TrainingState state, Map<String, CheckpointPart> parts) throws IOException {
        Files.createDirectories(directory);
        String name = name(state.step());
        Path partial = directory.resolve("." + name + ".partial");
        deleteTree(partial);
        try {
            Files.createDirectories(partial);
            JsonObject seals = new JsonObject();
            for (Map.Entry<String, CheckpointPart> part : new TreeMap<>(parts).entrySet()) { // state.json's bytes do not depend on the map
                Path file = partial.resolve(part.getKey());
                CRC32 crc = new CRC32();
                try (OutputStream raw = Files.newOutputStream(file);
                     DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new CheckedOutputStream(raw, crc), 1 << 16))) {
                    part.getValue().write(out);
                } catch (IOException e) {
                    throw naming(file, e);
                }
                force(file);
                seals.add(part.getKey(), CheckpointLayout.PartSeal.of(Files.size(file), crc.getValue()).toJson());
            }
            JsonObject json = state.toJson();
            json.add(CheckpointLayout.PARTS, seals);
            Path stateFile = partial.resolve(STATE);
            try {
                Files.writeString(stateFile, Json.PRETTY.toJson(json) + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw naming(stateFile, e);
            }
            force(stateFile);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(partial, e);
            throw e;
        }
        Path target = directory.resolve(name);
        if (Files.exists(target)) { // the same step saved again (a run that ended on a checkpoint step)
            Path old = directory.resolve("." + name + ".old");
            deleteTree(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
        } else {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        }
        prune();
        return new SavedCheckpoint(target, state);
    }

    /**
     * Removes what sessions killed while saving left behind: {@code .step-N.partial} and
     * {@code .step-N.old} directories (a partial checkpoint is never complete; an old one was
     * replaced). Only the run's own process calls it, holding the run's lock.
     *
     * @return the directories removed
     */
    public List<Path> removeUnfinished() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> removed = new ArrayList<>();
        try (Stream<Path> children = Files.list(directory)) {
            for (Path child : children.toList()) {
                String n = child.getFileName().toString();
                if (n.startsWith(".step-") && (n.endsWith(".partial") || n.endsWith(".old"))) {
                    deleteTree(child);
                    removed.add(child);
                }
            }
        }
        return removed;
    }

    /** Something that restores a learner and the loop from a checkpoint; it throws when a part cannot be read. */
    @FunctionalInterface
    public interface Restore {
        void from(SavedCheckpoint checkpoint) throws IOException;
    }

    /**
     * What {@link #restoreNewest} did.
     *
     * @param restored the checkpoint the run continues from; empty when there was none or none could be read
     * @param damaged the newer checkpoints that could not be read, newest first, each with its file and what is wrong
     */
    public record Restored(Optional<SavedCheckpoint> restored, List<DamagedFileException> damaged) {

        public Restored {
            damaged = List.copyOf(damaged);
        }
    }

    /**
     * Restores from the newest checkpoint that can be read: a damaged one (state.json not JSON, a
     * part cut short, or one that fails to load) gives way to the next older one, so nothing a
     * readable checkpoint holds is thrown away. A part that failed half way is overwritten whole
     * by the older checkpoint's, which {@code restore} loads completely.
     */
    public Restored restoreNewest(Restore restore) throws IOException {
        List<DamagedFileException> damaged = new ArrayList<>();
        for (Path newest : layout.newestFirst()) { // one at a time: the older ones are read only when needed
            CheckpointLayout.Inspection found = layout.inspect(newest);
            if (found.damage().isPresent()) {
                damaged.add(found.damage().get());
                continue;
            }
            SavedCheckpoint checkpoint;
            try {
                checkpoint = read(found.directory());
            } catch (DamagedFileException e) {
                damaged.add(e);
                continue;
            }
            try {
                restore.from(checkpoint);
                return new Restored(Optional.of(checkpoint), damaged);
            } catch (DamagedFileException e) {
                damaged.add(e);
            }
        }
        return new Restored(Optional.empty(), damaged);
    }

    /** The checkpoint in {@code checkpoint}, its state read. */
    private static SavedCheckpoint read(Path checkpoint) {
        Path stateFile = checkpoint.resolve(STATE);
        return new SavedCheckpoint(checkpoint, Json.read(stateFile, TrainingState::fromJson)
                .orElseThrow(() -> new DamagedFileException(stateFile, "it is missing")));
    }

    /** The directory the checkpoint of {@code step} has (or would have). */
    public Path directory(long step) {
        return layout.step(step);
    }

    private static String name(long step) {
        return CheckpointLayout.name(step);
    }

    /**
     * The newest complete checkpoint; empty when there is none.
     *
     * @throws DamagedFileException when its state.json cannot be read
     */
    public Optional<SavedCheckpoint> latest() throws IOException {
        List<Path> all = complete();
        if (all.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(read(all.get(all.size() - 1)));
    }

    /** Steps that have a complete checkpoint, ascending. */
    public List<Long> steps() throws IOException {
        return layout.steps();
    }

    private List<Path> complete() throws IOException {
        return layout.complete();
    }

    private void prune() throws IOException {
        List<Path> all = new ArrayList<>(complete());
        all.removeIf(p -> keptSteps.contains(stepOf(p)));
        while (all.size() > keep) {
            deleteTree(all.remove(0));
        }
    }

    private static long stepOf(Path p) {
        return CheckpointLayout.stepOf(p).orElseThrow(() -> new IllegalArgumentException(p + " is not a checkpoint directory"));
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** A write's failure with the file it was writing: the disk's "No space left on device" names none. */
    private static IOException naming(Path file, IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return e;
        }
        FileSystemException named = new FileSystemException(file.toString(), null, IoFailure.reason(e));
        named.initCause(e);
        return named;
    }

    private static void deleteQuietly(Path root, Exception failure) {
        try {
            deleteTree(root);
        } catch (IOException e) {
            failure.addSuppressed(e); // the failure to save is the one to report
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
