package org.threshold.trainer.curriculum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.curriculum.Curriculum;
import org.threshold.api.curriculum.CurriculumContext;
import org.threshold.api.curriculum.CurriculumProvider;
import org.threshold.runs.run.RunDirectory;
import org.threshold.trainer.checkpoint.Checkpoints;

/**
 * {@code curriculum: {type: warm-start, from: RUN_DIR, step: 2000, curriculum: {...}}}
 * ({@link WarmStartCurriculum}): starts from the model weights of another run's checkpoint, the one
 * of {@code step} or, without it, the run's newest, then trains with the nested curriculum (the
 * task's own constant mixture when absent). {@code from} is a run directory, relative to where
 * Threshold runs, like {@code runtime.output}.
 *
 * <p>The checkpoint is found while the section is bound, and its step is what the resolved config
 * records: a run names the exact weights it began from, even when the source run trains on later.
 * Whether the source model has this run's shape is checked when the run starts (the model's
 * shapes exist only once it is built); a mismatch names the parameter and both shapes.
 */
public final class WarmStartCurriculumProvider implements CurriculumProvider<WarmStartCurriculumProvider.Config> {

    /**
     * @param checkpoint the source run's checkpoint directory
     * @param then the run's curriculum, created while binding
     */
    public record Config(Optional<Path> checkpoint, Optional<Curriculum> then) {
    }

    @Override
    public String name() {
        return "warm-start";
    }

    @Override
    public String description() {
        return "Starts from the weights of another run's checkpoint, then follows any curriculum";
    }

    /** The nested curriculum names the task's components, so it is bound only with the task. */
    @Override
    public Config config(ConfigSection section) {
        Optional<Path> checkpoint = checkpoint(section);
        section.node("curriculum");
        return new Config(checkpoint, Optional.empty());
    }

    @Override
    public Config config(ConfigSection section, CurriculumContext context) {
        Optional<Path> checkpoint = checkpoint(section);
        Curriculum then = context.create(section.section("curriculum"));
        if (then.startFrom().isPresent()) {
            section.problem("curriculum", "a warm start cannot hold another warm start; the run starts from one checkpoint");
        }
        return new Config(checkpoint, Optional.of(then));
    }

    private static Optional<Path> checkpoint(ConfigSection section) {
        Optional<String> from = section.optionalText("from");
        if (from.isEmpty() || from.get().isBlank()) {
            section.optionalInteger("step", 1, Integer.MAX_VALUE);
            section.problem("from", "expected the run directory to start from (one with checkpoints/), found none");
            return Optional.empty();
        }
        Path run;
        try {
            run = Path.of(from.get());
        } catch (InvalidPathException e) {
            section.optionalInteger("step", 1, Integer.MAX_VALUE);
            section.problem("from", "expected a run directory, found '" + from.get() + "', which is not a path: " + e.getReason());
            return Optional.empty();
        }
        List<Long> steps = steps(run);
        if (steps.isEmpty()) {
            section.optionalInteger("step", 1, Integer.MAX_VALUE);
            section.problem("from", Files.isDirectory(run)
                    ? "expected a run directory with a checkpoint, found '" + from.get() + "', which has none"
                            + " (checkpoints/step-*/): train that run first, or name another"
                    : "expected a run directory with a checkpoint, found '" + from.get() + "', which "
                            + (Files.exists(run) ? "is not a directory" : "does not exist"));
            return Optional.empty();
        }
        long newest = steps.get(steps.size() - 1);
        long step = section.longInteger("step", newest, 1, Integer.MAX_VALUE);
        if (!steps.contains(step)) {
            section.problem("step", "expected a step with a checkpoint in " + from.get() + " ("
                    + steps.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "), found " + step);
            return Optional.empty();
        }
        Path checkpoint = checkpoints(run).directory(step);
        if (!Files.isRegularFile(checkpoint.resolve(Checkpoints.MODEL_PART))) {
            section.problem("from", "the checkpoint " + checkpoint + " has no " + Checkpoints.MODEL_PART + "; it is not a model checkpoint");
            return Optional.empty();
        }
        return Optional.of(checkpoint);
    }

    private static List<Long> steps(Path run) {
        if (!Files.isDirectory(run)) {
            return List.of();
        }
        try {
            return checkpoints(run).steps();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the checkpoints of " + run, e);
        }
    }

    /** A run directory's checkpoints (docs/RUNS.md), only read here. */
    private static Checkpoints checkpoints(Path run) {
        return new Checkpoints(new RunDirectory(run).checkpoints(), Integer.MAX_VALUE);
    }

    @Override
    public Curriculum create(Config config, CurriculumContext context) {
        Path checkpoint = config.checkpoint().orElseThrow(() -> new IllegalArgumentException(
                "the warm start has no checkpoint to start from (its config has problems)"));
        Curriculum then = config.then().orElseThrow(() -> new IllegalArgumentException(
                "the warm start's curriculum is bound knowing the task; bind it with a curriculum context"));
        return new WarmStartCurriculum(checkpoint, then);
    }
}
