package org.threshold.executor.slurm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.threshold.runs.sweep.PointFailure;
import org.threshold.runs.sweep.SweepDirectory;

/**
 * The job script every array of a sweep runs (docs/SWEEPS.md shows one), written to be read:
 * #SBATCH lines for the config's options, the task's grid point (or the points of its stack) drawn
 * from the points file the array was submitted with, the point's logs (a stack's in the sweep
 * directory's {@code stacks/}), the config's setup lines, and the point command run
 * as the job step with {@code exec srun}.
 *
 * <p>Why {@code exec srun}: the point's JVM is then the job step itself, which is where Slurm sends
 * the warning signal of {@code --signal=USR2@S} (without {@code B:}) and of
 * {@code scancel --signal=USR2}; the JVM checkpoints and requeues its own task. Nothing follows the
 * point in the script, so the batch shell has nothing left to do once it hands over.
 *
 * @param sweepName the sweep's name, in the job name
 * @param sweepDirectory the sweep directory, absolute
 * @param workingDirectory where threshold sweep ran: the sweep's relative paths lead from there
 * @param command the point command for point 0 ({@link org.threshold.api.sweep.PointCommand}: the
 *     last argument is the index)
 * @param display the point command for people, for point 0
 * @param config the executor's config
 */
record JobScript(String sweepName, Path sweepDirectory, Path workingDirectory, List<String> command, String display,
                 SlurmExecutorConfig config) {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./=:,+@%^-]+");

    JobScript {
        command = List.copyOf(command);
        if (command.isEmpty() || !command.get(command.size() - 1).equals("0")) {
            throw new IllegalArgumentException("the point command must end with the point's index, found " + command);
        }
    }

    String jobName() {
        return "threshold-" + sweepName;
    }

    String text() {
        SlurmFiles files = new SlurmFiles(sweepDirectory);
        List<String> lines = new ArrayList<>();
        lines.add("#!/bin/bash");
        lines.add("# Threshold sweep " + sweepName + ": each task of a job array trains one grid point, or one stack of them "
                + "(docs/SWEEPS.md).");
        lines.add("# Written by threshold sweep, which submits it once per array as");
        lines.add("#   sbatch --array=0-<tasks - 1>[%<parallel>] " + files.script() + " " + files.root().resolve("array-<N>.points"));
        lines.add("# Line I+1 of the points file names what array task I trains: a grid point, \"index identity\", or the points");
        lines.add("# of a stack trained as one (sweep.executor.stack), \"3,5,7 identity3,identity5,identity7\".");
        lines.add("#SBATCH --job-name=" + jobName());
        lines.add("#SBATCH --chdir=" + sbatchValue(workingDirectory.toString()));
        lines.add("#SBATCH --output=" + sbatchValue(files.logs().resolve("%A_%a.log").toString()));
        lines.add("#SBATCH --open-mode=append");
        lines.add("#SBATCH --ntasks=1");
        lines.add("#SBATCH --cpus-per-task=" + config.cpusPerTask());
        lines.add("#SBATCH --requeue");
        lines.add("#SBATCH --signal=USR2@" + config.signalSeconds());
        config.partition().ifPresent(v -> lines.add("#SBATCH --partition=" + v));
        config.time().ifPresent(v -> lines.add("#SBATCH --time=" + v));
        config.mem().ifPresent(v -> lines.add("#SBATCH --mem=" + v));
        config.account().ifPresent(v -> lines.add("#SBATCH --account=" + v));
        config.qos().ifPresent(v -> lines.add("#SBATCH --qos=" + v));
        config.sbatch().forEach(option -> lines.add("#SBATCH " + option.strip()));
        lines.add("set -euo pipefail");
        lines.add("");
        // the run directory's names are the runs module's: the same logs as the local executor writes
        SweepDirectory sweep = new SweepDirectory(sweepDirectory);
        lines.add("runs=" + quote(sweep.runs().toString()));
        lines.add("read -r point identity < <(sed -n \"$((SLURM_ARRAY_TASK_ID + 1))p\" \"$1\")");
        lines.add("if [[ $point == *,* ]]; then");
        lines.add("  # a stack (sweep.executor.stack, SPEC section 10): one process trains these points, with one pair of logs");
        lines.add("  IFS=, read -ra members <<<\"$identity\"");
        lines.add("  for member in \"${members[@]}\"; do");
        lines.add("    mkdir -p \"$runs/$member\"");
        lines.add("    rm -f \"$runs/$member/" + PointFailure.FILE + "\"");
        lines.add("  done");
        lines.add("  stacks=" + quote(sweep.stacks().toString()));
        lines.add("  mkdir -p \"$stacks\"");
        // SweepDirectory.stackStdout and stackStderr name them so
        lines.add("  out=\"$stacks/points-$point.stdout.log\"");
        lines.add("  err=\"$stacks/points-$point.stderr.log\"");
        lines.add("else");
        lines.add("  run=\"$runs/$identity\"");
        lines.add("  mkdir -p \"$run\"");
        lines.add("  rm -f \"$run/" + PointFailure.FILE + "\"");
        lines.add("  out=\"$run/" + SweepDirectory.STDOUT + "\"");
        lines.add("  err=\"$run/" + SweepDirectory.STDERR + "\"");
        lines.add("fi");
        lines.add("# One header per attempt: a requeued task appends to the same logs.");
        boolean indexLast = display.endsWith(" 0");
        lines.add("command_line=" + quote(indexLast ? display.substring(0, display.length() - 1) : display + " for point "));
        lines.add("header=\"--- $(date -u +%Y-%m-%dT%H:%M:%SZ) Slurm task ${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}"
                + " (restart ${SLURM_RESTART_COUNT:-0}) on $(hostname): $command_line$point\"");
        lines.add("echo \"$header\" >>\"$out\"");
        lines.add("echo \"$header\" >>\"$err\"");
        if (!config.setup().isEmpty()) {
            lines.add("");
            lines.add("# sweep.executor.setup");
            lines.addAll(config.setup());
        }
        lines.add("");
        lines.add("# The JVM is the job step, so that Slurm's USR2 reaches it: it checkpoints and requeues this task.");
        StringBuilder step = new StringBuilder("exec srun --ntasks=1 --cpus-per-task=" + config.cpusPerTask()
                + " --output=\"$out\" --error=\"$err\" --open-mode=append");
        for (String argument : command.subList(0, command.size() - 1)) {
            step.append(" \\\n  ").append(quote(argument));
        }
        step.append(" \\\n  \"$point\"");
        lines.add(step.toString());
        return String.join("\n", lines) + "\n";
    }

    /** A value on an #SBATCH line: sbatch splits them at spaces unless the value is in double quotes. */
    static String sbatchValue(String value) {
        return PLAIN.matcher(value).matches() ? value : "\"" + value + "\"";
    }

    /** A word for bash: as it is when it is plain, otherwise in single quotes. */
    static String quote(String word) {
        if (PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
