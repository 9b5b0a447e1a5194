package org.threshold.executor.slurm;

import java.util.Optional;
import java.util.Set;

/**
 * One task of a job array as squeue lists it.
 *
 * @param arrayJobId the array's job id (what sbatch answered)
 * @param taskId the task's index in the array
 * @param state Slurm's job state, e.g. PENDING, RUNNING, COMPLETED, FAILED
 * @param reason why it waits (or the reason it ended), e.g. JobArrayTaskLimit, BeginTime, None
 * @param exitCode squeue's exit_code of an ended task: the batch step's wait status, e.g. 256 for exit code 1
 */
public record ArrayTask(String arrayJobId, int taskId, String state, String reason, String exitCode) {

    /** States after which a task does nothing more (unless requeued, when it is PENDING again). */
    private static final Set<String> ENDED = Set.of("COMPLETED", "CANCELLED", "FAILED", "TIMEOUT", "NODE_FAIL", "BOOT_FAIL",
            "DEADLINE", "OUT_OF_MEMORY", "PREEMPTED", "REVOKED", "SPECIAL_EXIT");
    /** States in which the point's process runs, starts or is being stopped. */
    private static final Set<String> RUNNING = Set.of("RUNNING", "CONFIGURING", "COMPLETING", "STAGE_OUT", "SIGNALING",
            "RESIZING");

    /** Whether Slurm will still do something with the task: it waits, runs, or is being requeued. */
    public boolean active() {
        return !ENDED.contains(state);
    }

    public boolean running() {
        return RUNNING.contains(state);
    }

    /** "12_3", as scancel and scontrol take it. */
    public String jobTask() {
        return arrayJobId + "_" + taskId;
    }

    /**
     * The batch step's exit code, from the wait status squeue prints (exit code times 256, or the
     * signal's number): 128 + the signal's number for a task a signal ended; -1 when unknown.
     */
    public int processExitCode() {
        if (!exitCode.matches("\\d{1,9}")) {
            return -1;
        }
        int status = Integer.parseInt(exitCode);
        int signal = status & 0x7f;
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal;
    }

    /** "exit code 1", or "signal 9" for a task a signal ended; empty when squeue did not say. */
    public String describeExit() {
        if (!exitCode.matches("\\d{1,9}")) {
            return "";
        }
        int status = Integer.parseInt(exitCode);
        int signal = status & 0x7f;
        return signal == 0 ? "exit code " + ((status >> 8) & 0xff) : "signal " + signal;
    }

    /**
     * A line of {@code squeue --array --Format=ArrayJobID:|,ArrayTaskID:|,State:|,Reason:|,exit_code:|};
     * empty for a line that is not a task (a job that is not an array has no task id).
     */
    static Optional<ArrayTask> parse(String line) {
        String[] f = line.strip().split("\\|", -1);
        if (f.length < 5 || !f[0].strip().matches("\\d+") || !f[1].strip().matches("\\d+")) {
            return Optional.empty();
        }
        return Optional.of(new ArrayTask(f[0].strip(), Integer.parseInt(f[1].strip()), f[2].strip(), f[3].strip(), f[4].strip()));
    }
}
