package org.threshold.trainer.checkpoint;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
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
import java.util.stream.Stream;
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

    /** Saves the state and the parts (file name to writer) as the checkpoint of {@code state.step()}. */
    public SavedCheckpoint save(TrainingState state, Map<String, CheckpointPart> parts) throws IOException {
        Files.createDirectories(directory);
        String name = name(state.step());
        Path partial = directory.resolve("." + name + ".partial");
        deleteTree(partial);
        Files.createDirectories(partial);
        for (Map.Entry<String, CheckpointPart> part : parts.entrySet()) {
            Path file = partial.resolve(part.getKey());
            try (OutputStream raw = Files.newOutputStream(file);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
                part.getValue().write(out);
            }
            force(file);
        }
        Path stateFile = partial.resolve(STATE);
        Files.writeString(stateFile, state.toText(), StandardCharsets.UTF_8);
        force(stateFile);
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

    /** The directory the checkpoint of {@code step} has (or would have). */
    public Path directory(long step) {
        return layout.step(step);
    }

    private static String name(long step) {
        return CheckpointLayout.name(step);
    }

    /** The newest complete checkpoint; empty when there is none. */
    public Optional<SavedCheckpoint> latest() throws IOException {
        List<Path> all = complete();
        if (all.isEmpty()) {
            return Optional.empty();
        }
        Path newest = all.get(all.size() - 1);
        String text = Files.readString(newest.resolve(STATE), StandardCharsets.UTF_8);
        return Optional.of(new SavedCheckpoint(newest, TrainingState.fromJson(Json.parse(text))));
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
