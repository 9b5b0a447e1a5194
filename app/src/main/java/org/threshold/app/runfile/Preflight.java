package org.threshold.app.runfile;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.threshold.api.config.ConfigNode;
import org.threshold.api.config.ConfigProblem;
import org.threshold.api.config.Mark;
import org.threshold.trainer.RunPlan;
import org.threshold.trainer.TrainingMemory;

/**
 * What can be found wrong with a bound run before any work starts, beyond the file itself:
 * whether this machine can train it and where it would write. Each finding is a config problem
 * at the key to change (docs/CONFIG.md, "Checked before a run starts"): {@code validate} and
 * {@code run} make these checks for a run file, {@code sweep} for every grid point and its
 * directory, {@code run --index} for its point.
 *
 * <ul>
 *   <li>{@link #device}: {@code runtime.device: gpu} where the engine sees no GPU;</li>
 *   <li>{@link #memory}: the parameters must fit the Java heap ({@link TrainingMemory#heapBytes()}),
 *       and, when training on the CPU, the parameters with Adam's state and one step's activations
 *       the machine's memory;</li>
 *   <li>{@link #output}: the output must be a directory Threshold can create and write in.</li>
 * </ul>
 */
public final class Preflight {

    private final Machine machine;

    @Inject
    public Preflight(Machine machine) {
        this.machine = machine;
    }

    /** The problem at {@code runtime.device} for a GPU the machine does not have. */
    public static ConfigProblem missingGpu(ConfigNode tree, String why) {
        return new ConfigProblem(at(tree, "runtime.device"), "runtime.device", "expected a machine with a GPU for device: gpu, found "
                + "none: " + why + "; use device: auto (a GPU when there is one) or cpu, or train where the engine sees a GPU "
                + "(a build with -Pgpu on a machine with one)");
    }

    /** {@code runtime.device: gpu} on a machine without a GPU; asks the engine (loading it) only then. */
    public List<ConfigProblem> device(RunPlan plan, ConfigNode tree) {
        if (!plan.runtime().device().equals("gpu")) {
            return List.of();
        }
        return machine.missingGpu().map(why -> List.of(missingGpu(tree, why))).orElse(List.of());
    }

    /**
     * The run's memory against the heap and, unless it trains on a GPU (whose memory is its own),
     * the machine's memory; at {@code model} when the parameters alone do not fit, at
     * {@code training.batch} when the activations tip it over.
     */
    public List<ConfigProblem> memory(RunPlan plan, ConfigNode tree) {
        TrainingMemory need = TrainingMemory.of(plan);
        List<ConfigProblem> problems = new ArrayList<>();
        long heap = machine.heapBytes();
        if (need.heapBytes() > heap) {
            problems.add(new ConfigProblem(at(tree, "model"), "model", String.format(Locale.ROOT,
                    "expected a model whose parameters fit the Java heap (%s), found %,d parameters, which need about %s of it "
                            + "(8 bytes each: their initial values, and a copy and its bytes at every checkpoint); make the model "
                            + "smaller, or give Java more heap (e.g. THRESHOLD_JAVA_OPTS=-Xmx%dg)",
                    size(heap), need.parameters(), size(need.heapBytes()), gigabytesFor(need.heapBytes()))));
        }
        if (plan.runtime().device().equals("gpu")) {
            return problems;
        }
        long memory = machine.memoryBytes();
        if (need.parameterBytes() > memory) {
            problems.add(new ConfigProblem(at(tree, "model"), "model", String.format(Locale.ROOT,
                    "expected a model whose training fits this machine's memory (%s), found %,d parameters, which need about %s "
                            + "(16 bytes each: weights, gradients and Adam's two moments) before any activation; make the model smaller",
                    size(memory), need.parameters(), size(need.parameterBytes()))));
        } else if (need.engineBytes() > memory) {
            problems.add(new ConfigProblem(at(tree, "training.batch"), "training.batch", String.format(Locale.ROOT,
                    "expected a batch whose training step fits this machine's memory (%s), found %,d rows of up to %,d tokens, whose "
                            + "activations need about %s besides the parameters' %s; lower training.batch (or the model's size)",
                    size(memory), need.rows(), need.time(), size(need.activationBytes()), size(need.parameterBytes()))));
        }
        return problems;
    }

    /**
     * Whether {@code directory} is, or can be made, a directory Threshold writes in. It is tried,
     * not judged from permission bits (which a root user or a read-only mount make wrong): a
     * temporary directory is made in it, or in the nearest part of its path that exists, and
     * removed again.
     *
     * @param key the config key that names it, e.g. {@code runtime.output} or {@code sweep.output}
     */
    public Optional<ConfigProblem> output(Path directory, ConfigNode tree, String key) {
        Path absolute = directory.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        Optional<String> problem;
        if (existing == null) {
            problem = Optional.of("expected a directory Threshold can create for the run directories, found " + directory
                    + ", of whose path no part exists; name another directory");
        } else if (existing.equals(absolute) && !Files.isDirectory(existing)) {
            problem = Optional.of("expected a directory for the run directories, found the file " + directory
                    + "; name a directory (one that is missing is made)");
        } else if (!Files.isDirectory(existing)) {
            problem = Optional.of("expected a directory Threshold can create for the run directories, found the file " + existing
                    + " in the way of " + directory + "; name another directory");
        } else {
            Path writable = existing;
            problem = tryWriting(existing).map(reason -> "expected a directory Threshold can create and write run directories in, "
                    + "found that " + writable + " refuses it (" + reason + ")" + (writable.equals(absolute) ? "" : ", where " + directory
                    + " would be made") + "; name another directory, or make " + writable + " writable");
        }
        return problem.map(message -> new ConfigProblem(at(tree, key), key, message));
    }

    private static Optional<String> tryWriting(Path directory) {
        try {
            Path probe = Files.createTempDirectory(directory, ".threshold-write-check-");
            Files.delete(probe);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(reason(e));
        }
    }

    /** The operating system's reason in its own words, without Java's class names or the probe's name. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getClass().getSimpleName();
    }

    private static Mark at(ConfigNode tree, String path) {
        return tree.markOf(path);
    }

    /** "1.0 GB", "640 MB", "77 kB": binary units, as the JVM's -Xmx counts them. */
    static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%,.1f GB", bytes / (double) (1L << 30));
        }
        return bytes >= 1L << 20 ? String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20))
                : String.format(Locale.ROOT, "%.0f kB", Math.ceil(bytes / 1024.0));
    }

    private static long gigabytesFor(long bytes) {
        return (long) Math.ceil(bytes * 1.5 / (1L << 30));
    }
}
