package org.threshold.executor.slurm;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.threshold.api.sweep.SweepExecutorException;

/**
 * The Slurm commands the executor uses, found on a PATH: sbatch to submit, squeue to follow,
 * scontrol for the cluster's limits and to requeue, scancel in the docs' examples. Each is run as
 * a process of its own and its answer parsed here; a command that fails is a
 * {@link SweepExecutorException} with its own words.
 */
public final class Slurm {

    /** Slurm's MaxArraySize when the cluster's configuration does not say (Slurm's own default). */
    static final int DEFAULT_MAX_ARRAY_SIZE = 1001;
    private static final long TIMEOUT_SECONDS = 120;

    private final Map<String, String> environment;

    /**
     * @param environment the environment the commands run in (its PATH finds them; SLURM_CONF,
     *     when set, names the cluster)
     */
    public Slurm(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Whether the command is on the PATH. */
    public boolean has(String command) {
        return find(command).isPresent();
    }

    /** The command's file on the PATH. */
    Optional<Path> find(String command) {
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Submits a job script: {@code sbatch --parsable OPTIONS SCRIPT ARGUMENTS}.
     *
     * @return the job id (of the array)
     */
    public String submit(List<String> options, Path script, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("--parsable"));
        command.addAll(options);
        command.add(script.toString());
        command.addAll(arguments);
        String answer = run("sbatch", command).strip();
        // --parsable: "id" or "id;cluster"
        String id = answer.lines().reduce((a, b) -> b).orElse("").split(";")[0].strip();
        if (!id.matches("\\d+")) {
            throw new SweepExecutorException("sbatch answered '" + answer + "', not a job id");
        }
        return id;
    }

    /**
     * The array tasks of these jobs that Slurm still lists: queued, running, or ended recently
     * (a cluster forgets ended jobs after its MinJobAge).
     */
    public List<ArrayTask> tasks(Collection<String> arrayJobIds) {
        if (arrayJobIds.isEmpty()) {
            return List.of();
        }
        List<String> args = List.of("--noheader", "--array", "--states=all", "--jobs=" + String.join(",", arrayJobIds),
                "--Format=ArrayJobID:|,ArrayTaskID:|,State:|,Reason:|,exit_code:|");
        Answer answer = execute("squeue", args);
        if (answer.code() != 0) {
            // squeue refuses a list of jobs that it has all forgotten; that is an empty queue
            if (answer.err().contains("Invalid job id")) {
                return List.of();
            }
            throw failure("squeue", args, answer);
        }
        List<ArrayTask> tasks = new ArrayList<>();
        for (String line : answer.out().split("\n")) {
            ArrayTask.parse(line).ifPresent(tasks::add);
        }
        return tasks;
    }

    /** The largest array the cluster takes: array indices run from 0 to MaxArraySize - 1. */
    public int maxArraySize() {
        for (String line : run("scontrol", List.of("show", "config")).split("\n")) {
            String[] parts = line.split("=", 2);
            if (parts.length == 2 && parts[0].strip().equals("MaxArraySize") && parts[1].strip().matches("\\d{1,9}")) {
                return Integer.parseInt(parts[1].strip());
            }
        }
        return DEFAULT_MAX_ARRAY_SIZE;
    }

    /**
     * {@code scontrol requeue JOB_TASK}: the task ends now and waits in the queue to start again.
     *
     * <p>Called from inside the task, this races with Slurm itself: once slurmctld takes the
     * request it ends the task's processes, and scontrol is one of them when it has not exited
     * yet (it then ends on SIGTERM, exit code 143, although the requeue was taken). So a failed
     * scontrol is checked against the job's own record: the request was taken when the task's
     * restart count went past the one it started with ({@code SLURM_RESTART_COUNT}) or its state
     * says requeued. Otherwise the failure is scontrol's, with its words.
     */
    public void requeue(String jobTask) {
        List<String> args = List.of("requeue", jobTask);
        Answer answer = execute("scontrol", args);
        if (answer.code() != 0 && !requeued(jobTask)) {
            throw failure("scontrol", args, answer);
        }
    }

    /** Whether {@code scontrol show job} says the task was requeued since it started. */
    boolean requeued(String jobTask) {
        Answer answer = execute("scontrol", List.of("show", "job", "--oneliner", jobTask));
        if (answer.code() != 0) {
            return false;
        }
        int before = 0;
        String count = environment.getOrDefault("SLURM_RESTART_COUNT", "0").strip();
        if (count.matches("\\d{1,9}")) {
            before = Integer.parseInt(count);
        }
        for (String field : answer.out().strip().split("\\s+")) {
            String[] parts = field.split("=", 2);
            if (parts.length != 2) {
                continue;
            }
            if (parts[0].equals("Restarts") && parts[1].matches("\\d{1,9}") && Integer.parseInt(parts[1]) > before) {
                return true;
            }
            if (parts[0].equals("JobState") && parts[1].startsWith("REQUEUE")) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command and returns its standard output; a failure is an exception with its stderr. */
    String run(String command, List<String> args) {
        Answer answer = execute(command, args);
        if (answer.code() != 0) {
            throw failure(command, args, answer);
        }
        return answer.out();
    }

    private static SweepExecutorException failure(String command, List<String> args, Answer answer) {
        String said = answer.err().isBlank() ? answer.out().strip() : answer.err().strip();
        return new SweepExecutorException(command + " " + String.join(" ", args) + " failed (exit code " + answer.code() + ")"
                + (said.isEmpty() ? "" : ": " + said.replace("\n", " / ")));
    }

    private record Answer(int code, String out, String err) {
    }

    private Answer execute(String command, List<String> args) {
        Path program = find(command).orElseThrow(() -> new SweepExecutorException("the slurm executor (sweep.executor.type: slurm) "
                + "needs Slurm's " + command + " on the PATH, and this machine has none: run threshold sweep on the cluster's "
                + "login node, where sbatch and squeue are, or choose another executor (sweep.executor.type: local)"));
        List<String> line = new ArrayList<>(List.of(program.toString()));
        line.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(line).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            CompletableFuture<String> out = read(process.getInputStream());
            CompletableFuture<String> err = read(process.getErrorStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new SweepExecutorException(command + " " + String.join(" ", args) + " did not answer within " + TIMEOUT_SECONDS
                        + " s (is slurmctld up? scontrol ping says)");
            }
            return new Answer(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + program, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SweepExecutorException(command + " was interrupted", e);
        }
    }

    private static CompletableFuture<String> read(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
