package org.threshold.runs.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The names of a run's {@code checkpoints/} (docs/RUNS.md): one directory {@code step-<step>}
 * (nine digits) per checkpoint holding {@code state.json} and one file per binary part,
 * {@code model.params} and {@code optimizer.params}. A checkpoint is complete once its
 * {@code state.json} is there: it is written last, and the directory is renamed into place
 * after it. The trainer writes checkpoints; warm starts and probes read them through these names.
 */
public final class CheckpointLayout {

    /** The part holding the model's parameters: what a warm start and a probe read. */
    public static final String MODEL_PART = "model.params";
    /** The part holding the optimizer's state. */
    public static final String OPTIMIZER_PART = "optimizer.params";
    /** The loop's state (step, sampler, stopping rule), written last. */
    public static final String STATE = "state.json";

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

    /** Steps that have a complete checkpoint, ascending. */
    public List<Long> steps() throws IOException {
        return complete().stream().map(p -> stepOf(p).orElseThrow()).toList();
    }
}
