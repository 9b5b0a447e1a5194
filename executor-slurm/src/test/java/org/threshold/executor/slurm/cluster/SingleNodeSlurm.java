package org.threshold.executor.slurm.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * A real single-node Slurm cluster for the Slurm tests (no mock): before the first test of a
 * class that uses this extension, {@code single-node-slurm.sh start} (next to this class in the
 * test resources) installs slurm-wlm and munge with apt-get when they are missing, and starts
 * munged, slurmctld and slurmd with a config of its own, unless that cluster runs already. The
 * cluster lives in {@code THRESHOLD_SLURM_HOME} and the Slurm commands find it through
 * {@code SLURM_CONF}, which the build sets for the test JVMs (the parent pom's surefire config).
 *
 * <p>As root, a cluster that cannot be installed or started fails the tests; without root and
 * without a running cluster they are skipped, saying why. When the test JVM ends it prints how
 * many Slurm tests ran, passed, failed and were skipped.
 */
public final class SingleNodeSlurm implements ExecutionCondition, TestWatcher {

    private static final String SCRIPT = "single-node-slurm.sh";
    private static final int NOT_ROOT = 3;

    /**
     * The cluster as the first test found it: ready, or why not.
     *
     * @param broken whether it should have started and did not (as root): the tests fail
     */
    private record State(boolean ready, boolean broken, String conf, String why) {
    }

    private static State state;
    private static final AtomicInteger PASSED = new AtomicInteger();
    private static final AtomicInteger FAILED = new AtomicInteger();
    private static final AtomicInteger SKIPPED = new AtomicInteger();

    /** The cluster's config file, as the Slurm commands of the tests find it. */
    public static Path conf() {
        return Path.of(System.getenv("SLURM_CONF"));
    }

    /**
     * Runs a Slurm command as a test would in a shell (this JVM's environment names the cluster)
     * and returns what it printed.
     *
     * @throws IllegalStateException when it fails, with its output
     */
    public static String command(String... arguments) {
        try {
            Process process = new ProcessBuilder(arguments).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", arguments) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + arguments[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The array tasks Slurm runs now under this job name, e.g. {@code threshold-grid}. */
    public static List<String> running(String jobName) {
        return command("squeue", "--noheader", "--array", "--states=RUNNING", "--name=" + jobName, "--format=%i").lines()
                .map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** The array tasks Slurm still has queued or running under this job name. */
    public static List<String> queued(String jobName) {
        return command("squeue", "--noheader", "--array", "--name=" + jobName, "--format=%i").lines()
                .map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** Cancels every job of this name: a test's leftovers must not hold the next test's CPUs. */
    public static void cancel(String jobName) {
        command("scancel", "--name=" + jobName);
    }

    /** Before a test class runs (its @BeforeAll methods too): the cluster, or why its tests are skipped. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.enabled("the test's class found the cluster");
        }
        State now = start(context);
        if (now.broken()) {
            // as root the cluster must start: CI runs the Slurm tests or fails
            throw new IllegalStateException("the Slurm tests' cluster: " + now.why());
        }
        if (now.ready()) {
            return ConditionEvaluationResult.enabled("a single-node Slurm runs (" + now.conf() + ")");
        }
        // a disabled class's tests are not reported one by one; count them here
        SKIPPED.addAndGet((int) Arrays.stream(context.getRequiredTestClass().getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class) || m.isAnnotationPresent(ParameterizedTest.class)).count());
        return ConditionEvaluationResult.disabled("Slurm tests skipped: " + now.why());
    }

    private static synchronized State start(ExtensionContext context) {
        if (state == null) {
            // the root context closes when the test JVM's last test has run
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(SingleNodeSlurm.class.getName() + ".report",
                    (ExtensionContext.Store.CloseableResource) SingleNodeSlurm::report);
            try {
                state = startCluster();
            } catch (RuntimeException e) {
                state = new State(false, true, "", e.getMessage());
            }
        }
        return state;
    }

    private static State startCluster() {
        String home = System.getenv("THRESHOLD_SLURM_HOME");
        String conf = System.getenv("SLURM_CONF");
        if (home == null || conf == null) {
            String why = "THRESHOLD_SLURM_HOME and SLURM_CONF are not set for this test JVM; the parent pom's surefire "
                    + "configuration sets them (mvn -B verify)";
            return "root".equals(System.getProperty("user.name")) ? fail(why) : new State(false, false, "", why);
        }
        try {
            Path script = Files.createTempFile("single-node-slurm", ".sh",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            try (InputStream in = SingleNodeSlurm.class.getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IllegalStateException("the test resources lack " + SCRIPT + " next to " + SingleNodeSlurm.class.getName());
                }
                Files.write(script, in.readAllBytes());
            }
            Path output = Files.createTempFile("single-node-slurm", ".log");
            Process process = new ProcessBuilder("bash", script.toString(), "start")
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return fail(SCRIPT + " start did not finish within 10 minutes: " + Files.readString(output));
            }
            String said = Files.readString(output, StandardCharsets.UTF_8).strip();
            Files.deleteIfExists(script);
            Files.deleteIfExists(output);
            List<String> lines = said.lines().toList();
            if (process.exitValue() == NOT_ROOT) {
                return new State(false, false, conf, lines.isEmpty() ? "no Slurm test cluster runs here, and only root can start one"
                        : lines.get(lines.size() - 1).replaceFirst("^single-node-slurm: ", ""));
            }
            if (process.exitValue() != 0) {
                return fail(SCRIPT + " start failed (exit code " + process.exitValue() + "):\n" + said);
            }
            String ready = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
            if (!ready.equals("SLURM_CONF=" + conf)) {
                return fail(SCRIPT + " started a cluster configured by " + ready + ", but this JVM's SLURM_CONF is " + conf);
            }
            System.out.println("Slurm tests: a single-node Slurm cluster is ready (" + ready + ")");
            return new State(true, false, conf, "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + SCRIPT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Slurm", e);
        }
    }

    /** A cluster that should have started (this is root) and did not. */
    private static State fail(String why) {
        return new State(false, true, System.getenv().getOrDefault("SLURM_CONF", ""), why);
    }

    private static void report() {
        int passed = PASSED.get();
        int failed = FAILED.get();
        int skipped = SKIPPED.get();
        if (state != null && state.broken()) {
            System.out.println("Slurm tests: none ran, the single-node Slurm did not start (they fail): " + state.why());
            return;
        }
        System.out.println("Slurm tests: " + (passed + failed) + " ran on a real single-node Slurm (" + passed + " passed, " + failed
                + " failed), " + skipped + " skipped" + (state != null && !state.ready() ? ": " + state.why() : ""));
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        PASSED.incrementAndGet();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        FAILED.incrementAndGet();
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        SKIPPED.incrementAndGet();
    }

    @Override
    public void testDisabled(ExtensionContext context, java.util.Optional<String> reason) {
        SKIPPED.incrementAndGet();
    }
}
