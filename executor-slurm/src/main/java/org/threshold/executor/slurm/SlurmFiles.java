package org.threshold.executor.slurm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.threshold.api.sweep.SweepPoint;
import org.threshold.runs.AtomicFile;

/**
 * What the executor keeps in the sweep directory's {@code slurm/} (docs/SWEEPS.md):
 *
 * <pre>
 * job.sh            the job script every array runs (rewritten at each submission)
 * array-N.points    array N's tasks: line I+1 is what task I trains, "index identity" for a point,
 *                   "3,5,7 id3,id5,id7" for a stack (sweep.executor.stack)
 * arrays.tsv        every array submitted: job id, its points file, tasks, time
 * logs/J_T.log      the batch shell's own lines for task T of array J (the point's own are its
 *                   run directory's stdout.log and stderr.log)
 * </pre>
 *
 * A resubmission writes a new points file with the unfinished points only, so array indices stay
 * small (below the cluster's MaxArraySize) whatever the points' indices are.
 */
final class SlurmFiles {

    /**
     * What one task trains: a point, or the members of a stack.
     *
     * @param points grid indices, ascending
     * @param identities their runs, in the same order
     */
    record Task(List<Integer> points, List<String> identities) {

        Task {
            points = List.copyOf(points);
            identities = List.copyOf(identities);
        }

        /** "3 id" or "3,5,7 id3,id5,id7": a line of a points file, which the job script reads. */
        String line() {
            return String.join(",", points.stream().map(String::valueOf).toList()) + " " + String.join(",", identities);
        }

        /** A line of a points file; a task of nothing for a line that is not one. */
        static Task parse(String line) {
            String[] fields = line.strip().split(" ");
            if (fields.length != 2 || !fields[0].matches("\\d+(,\\d+)*")) {
                return new Task(List.of(), List.of());
            }
            List<Integer> points = Arrays.stream(fields[0].split(",")).map(Integer::valueOf).toList();
            List<String> identities = List.of(fields[1].split(","));
            return points.size() == identities.size() ? new Task(points, identities) : new Task(List.of(), List.of());
        }

        static Task of(List<SweepPoint> unit) {
            return new Task(unit.stream().map(SweepPoint::index).toList(), unit.stream().map(SweepPoint::identity).toList());
        }
    }

    /**
     * A submitted array.
     *
     * @param jobId the array's job id
     * @param tasks what each task trains, by task index
     */
    record Array(String jobId, List<Task> tasks) {

        Array {
            tasks = List.copyOf(tasks);
        }
    }

    private final Path root;

    SlurmFiles(Path sweepDirectory) {
        this.root = sweepDirectory.resolve("slurm");
    }

    Path root() {
        return root;
    }

    Path script() {
        return root.resolve("job.sh");
    }

    Path arraysFile() {
        return root.resolve("arrays.tsv");
    }

    Path logs() {
        return root.resolve("logs");
    }

    /** The batch shell's log of a task, as the script's {@code --output=logs/%A_%a.log} names it. */
    Path batchLog(String arrayJobId, int task) {
        return logs().resolve(arrayJobId + "_" + task + ".log");
    }

    void writeScript(String text) {
        try {
            Files.createDirectories(logs());
            AtomicFile.writeText(script(), text);
            script().toFile().setExecutable(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the job script " + script(), e);
        }
    }

    /** A new points file for these tasks (a point, or a stack's members, each), in task order; its name is never one used before. */
    Path writePoints(List<List<SweepPoint>> units) {
        StringBuilder text = new StringBuilder();
        for (List<SweepPoint> unit : units) {
            text.append(Task.of(unit).line()).append('\n');
        }
        try {
            Files.createDirectories(root);
            for (int n = 1; ; n++) {
                Path file = root.resolve("array-" + n + ".points");
                try {
                    Files.createFile(file); // claims the name, also against a second threshold sweep at once
                } catch (FileAlreadyExistsException taken) {
                    continue;
                }
                AtomicFile.writeText(file, text.toString());
                return file;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a points file in " + root, e);
        }
    }

    /** Appends a submitted array to arrays.tsv (rewritten whole through a temporary file). */
    void recordArray(String jobId, Path pointsFile, int tasks) {
        try {
            String before = Files.exists(arraysFile()) ? Files.readString(arraysFile(), StandardCharsets.UTF_8) : "";
            String line = jobId + "\t" + root.relativize(pointsFile) + "\t" + tasks + "\t"
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n";
            AtomicFile.writeText(arraysFile(), before + line);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record job array " + jobId + " in " + arraysFile(), e);
        }
    }

    /** Every array submitted for this sweep, oldest first. */
    List<Array> arrays() {
        if (!Files.exists(arraysFile())) {
            return List.of();
        }
        List<Array> arrays = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(arraysFile(), StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t");
                if (fields.length < 2 || !fields[0].matches("\\d+")) {
                    continue;
                }
                List<Task> tasks = new ArrayList<>();
                for (String entry : Files.readAllLines(root.resolve(fields[1]), StandardCharsets.UTF_8)) {
                    tasks.add(Task.parse(entry));
                }
                arrays.add(new Array(fields[0], tasks));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the job arrays of " + arraysFile(), e);
        }
        return arrays;
    }
}
