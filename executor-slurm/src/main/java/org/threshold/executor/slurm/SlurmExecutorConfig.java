package org.threshold.executor.slurm;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.threshold.api.config.ConfigNode;
import org.threshold.api.config.ConfigSection;
import org.threshold.runs.sweep.Stacks;

/**
 * The slurm executor's keys in {@code sweep.executor} (docs/SWEEPS.md):
 *
 * <pre>{@code
 * executor:
 *   type: slurm
 *   partition: short          # these five reach sbatch only when set: the cluster's defaults otherwise
 *   time: "2:00:00"
 *   mem: 4G
 *   account: my-lab
 *   qos: normal
 *   cpus_per_task: 1          # default: threads
 *   threads: 1                # libtorch threads per point; default: cpus_per_task, else 1
 *   parallel: 50              # the array's %N throttle: tasks of this sweep at once; default: no limit
 *   signal_seconds: 90        # USR2 this long before the time limit: the point checkpoints and requeues
 *   sbatch: [--constraint=skylake]     # more #SBATCH options, as written
 *   setup: [module load java/17]       # shell lines each task runs before the point
 *   poll_seconds: 10          # how often threshold sweep asks squeue while it follows the arrays
 *   stack: 1                  # points of one shape trained as one stack per task (SPEC section 10): K or auto
 * }</pre>
 *
 * @param partition {@code --partition}, when set
 * @param time {@code --time}, when set
 * @param mem {@code --mem}, when set
 * @param account {@code --account}, when set
 * @param qos {@code --qos}, when set
 * @param cpusPerTask {@code --cpus-per-task}
 * @param threads libtorch threads each point is given
 * @param parallel the array throttle ({@code --array=0-N%P}); empty for none
 * @param signalSeconds {@code --signal=USR2@S}
 * @param sbatch further sbatch options, one {@code #SBATCH} line each
 * @param setup shell lines run before the point in each task
 * @param poll how often the arrays are looked at while followed
 * @param stack points of one shape trained as one stack by one task ({@link Stacks}); empty for
 *     {@code auto}, 1 (the default) for a task per point
 */
public record SlurmExecutorConfig(Optional<String> partition, Optional<String> time, Optional<String> mem, Optional<String> account,
                                  Optional<String> qos, int cpusPerTask, int threads, OptionalInt parallel, int signalSeconds,
                                  List<String> sbatch, List<String> setup, Duration poll, OptionalInt stack) {

    /** Slurm's own lead time in submitit and in its documentation's examples. */
    static final int DEFAULT_SIGNAL_SECONDS = 90;
    static final int DEFAULT_POLL_SECONDS = 10;
    static final int MAX_COUNT = 4096;

    /** sbatch's time formats: minutes, minutes:seconds, hours:minutes:seconds, days-hours[:minutes[:seconds]]. */
    private static final Pattern TIME = Pattern.compile("\\d+(:\\d{1,2}){0,2}|\\d+-\\d{1,2}(:\\d{1,2}){0,2}|UNLIMITED|INFINITE");
    /** sbatch's memory: a whole number of megabytes, or with a unit K, M, G or T. */
    private static final Pattern MEMORY = Pattern.compile("\\d{1,12}[KMGT]?");
    /** Partition, account and QOS names: nothing a shell or an #SBATCH line would read differently. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.+:@-]+(,[A-Za-z0-9_.+:@-]+)*");

    /** Options the executor writes itself, and the key or reason that owns each. */
    private static final Map<String, String> OWNED = Map.ofEntries(
            Map.entry("--partition", "set partition instead"), Map.entry("-p", "set partition instead"),
            Map.entry("--time", "set time instead"), Map.entry("-t", "set time instead"),
            Map.entry("--mem", "set mem instead"),
            Map.entry("--account", "set account instead"), Map.entry("-A", "set account instead"),
            Map.entry("--qos", "set qos instead"), Map.entry("-q", "set qos instead"),
            Map.entry("--cpus-per-task", "set cpus_per_task instead"), Map.entry("-c", "set cpus_per_task instead"),
            Map.entry("--signal", "set signal_seconds instead"),
            Map.entry("--array", "the executor chooses the arrays (set parallel to throttle them)"),
            Map.entry("-a", "the executor chooses the arrays (set parallel to throttle them)"),
            Map.entry("--output", "each point's log is its run directory's stdout.log and stderr.log"),
            Map.entry("-o", "each point's log is its run directory's stdout.log and stderr.log"),
            Map.entry("--error", "each point's log is its run directory's stdout.log and stderr.log"),
            Map.entry("-e", "each point's log is its run directory's stdout.log and stderr.log"),
            Map.entry("--open-mode", "logs are appended to, so that a requeued task keeps its first attempt's lines"),
            Map.entry("--requeue", "tasks are requeued on Slurm's warning signal already"),
            Map.entry("--no-requeue", "a preempted task must be requeued to resume from its checkpoint"),
            Map.entry("--chdir", "tasks run in the directory threshold sweep ran in, where the sweep's paths lead"),
            Map.entry("-D", "tasks run in the directory threshold sweep ran in, where the sweep's paths lead"),
            Map.entry("--ntasks", "a point is one task"), Map.entry("-n", "a point is one task"),
            Map.entry("--wrap", "the executor writes the job script"),
            Map.entry("--parsable", "the executor reads sbatch's answer itself"));

    public SlurmExecutorConfig {
        sbatch = List.copyOf(sbatch);
        setup = List.copyOf(setup);
    }

    /** A task per point ({@code stack: 1}). */
    public SlurmExecutorConfig(Optional<String> partition, Optional<String> time, Optional<String> mem, Optional<String> account,
                               Optional<String> qos, int cpusPerTask, int threads, OptionalInt parallel, int signalSeconds,
                               List<String> sbatch, List<String> setup, Duration poll) {
        this(partition, time, mem, account, qos, cpusPerTask, threads, parallel, signalSeconds, sbatch, setup, poll, OptionalInt.of(1));
    }

    /** The config with every key at its default: the cluster's partition, time, memory, account and QOS. */
    public static SlurmExecutorConfig defaults() {
        return new SlurmExecutorConfig(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 1, 1,
                OptionalInt.empty(), DEFAULT_SIGNAL_SECONDS, List.of(), List.of(), Duration.ofSeconds(DEFAULT_POLL_SECONDS));
    }

    public static SlurmExecutorConfig bind(ConfigSection s) {
        Optional<String> partition = name(s, "partition");
        Optional<String> time = matching(s, "time", TIME, "a Slurm time limit (minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS)");
        Optional<String> mem = matching(s, "mem", MEMORY, "memory per node as sbatch takes it (e.g. 4000, 4000M, 4G)");
        Optional<String> account = name(s, "account");
        Optional<String> qos = name(s, "qos");
        OptionalInt cpus = s.optionalInteger("cpus_per_task", 1, MAX_COUNT);
        OptionalInt threads = s.optionalInteger("threads", 1, MAX_COUNT);
        // each defaults to the other: a point's libtorch threads are the CPUs it asked for
        int cpusPerTask = cpus.orElse(threads.orElse(1));
        int threadCount = threads.orElse(cpus.orElse(1));
        OptionalInt parallel = parallel(s);
        int signalSeconds = s.integer("signal_seconds", DEFAULT_SIGNAL_SECONDS, 1, 65_535);
        List<String> sbatch = s.texts("sbatch", List.of());
        for (String option : sbatch) {
            String flag = option.strip().split("[=\\s]", 2)[0];
            if (!option.strip().startsWith("-")) {
                s.problem("sbatch", "expected sbatch options, each starting with - (e.g. --constraint=skylake), found '" + option + "'");
            } else if (OWNED.containsKey(flag)) {
                s.problem("sbatch", "the option " + flag + " is the executor's: " + OWNED.get(flag));
            } else if (option.contains("\n")) {
                s.problem("sbatch", "expected one option per list item, found a line break in '" + option.strip() + "'");
            }
        }
        List<String> setup = s.texts("setup", List.of());
        int poll = s.integer("poll_seconds", DEFAULT_POLL_SECONDS, 1, 3600);
        return new SlurmExecutorConfig(partition, time, mem, account, qos, cpusPerTask, threadCount, parallel, signalSeconds, sbatch,
                setup, Duration.ofSeconds(poll), Stacks.bind(s));
    }

    private static Optional<String> name(ConfigSection s, String key) {
        return matching(s, key, NAME, "a Slurm " + key + " name (letters, digits and . _ + : @ -, several joined by commas)");
    }

    private static Optional<String> matching(ConfigSection s, String key, Pattern pattern, String expected) {
        Optional<String> value = s.optionalText(key);
        if (value.isPresent() && !pattern.matcher(value.get()).matches()) {
            s.problem(key, "expected " + expected + ", found '" + value.get() + "'");
            return Optional.empty();
        }
        return value;
    }

    /** {@code auto} or absent: no throttle; otherwise a whole number of tasks at once. */
    private static OptionalInt parallel(ConfigSection s) {
        return s.node("parallel").map(node -> {
            if (node instanceof ConfigNode.Scalar v && v.plain() && (v.text().equals("auto") || v.isNull())) {
                return OptionalInt.empty();
            }
            if (node instanceof ConfigNode.Scalar v && v.plain() && v.text().matches("\\d{1,6}") && Integer.parseInt(v.text()) >= 1) {
                return OptionalInt.of(Integer.parseInt(v.text()));
            }
            s.problem("parallel", "expected auto (no limit) or a whole number from 1 to 999999 of tasks at once, found "
                    + node.describe());
            return OptionalInt.empty();
        }).orElse(OptionalInt.empty());
    }
}
