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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.threshold.trainer.rundir.Json;

/**
 * A run's checkpoints: {@code checkpoints/step-<step>/}, each written completely into a hidden
 * directory and then renamed into place, so a run killed while saving leaves the previous
 * checkpoint intact and never a half-written one. Only the newest {@code keep} are kept.
 */
public final class Checkpoints {

    /** The part holding the model's parameters ({@link ParameterFile}): what a warm start reads. */
    public static final String MODEL_PART = "model.params";
    /** The part holding the optimizer's state. */
    public static final String OPTIMIZER_PART = "optimizer.params";

    private static final Pattern NAME = Pattern.compile("step-(\\d+)");
    private static final String STATE = "state.json";

    private final Path directory;
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
        return directory.resolve(name(step));
    }

    private static String name(long step) {
        return String.format("step-%09d", step);
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
        return complete().stream().map(Checkpoints::stepOf).toList();
    }

    private List<Path> complete() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(directory)) {
            return children.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.exists(p.resolve(STATE)))
                    .sorted(Comparator.comparingLong(Checkpoints::stepOf))
                    .toList();
        }
    }

    private void prune() throws IOException {
        List<Path> all = new ArrayList<>(complete());
        all.removeIf(p -> keptSteps.contains(stepOf(p)));
        while (all.size() > keep) {
            deleteTree(all.remove(0));
        }
    }

    private static long stepOf(Path p) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(p + " is not a checkpoint directory");
        }
        return Long.parseLong(m.group(1));
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
