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
import java.util.List;
import org.threshold.api.sweep.SweepPoint;
import org.threshold.runs.AtomicFile;

/**
 * What the executor keeps in the sweep directory's {@code slurm/} (docs/SWEEPS.md):
 *
 * <pre>
 * job.sh            the job script every array runs (rewritten at each submission)
 * array-N.points    array N's tasks: line I+1 is the grid point task I trains, "index identity"
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
     * A submitted array.
     *
     * @param jobId the array's job id
     * @param identities the run of each task, by task index
     */
    record Array(String jobId, List<String> identities) {

        Array {
            identities = List.copyOf(identities);
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

    /** A new points file for these points, in task order; its name is never one used before. */
    Path writePoints(List<SweepPoint> points) {
        StringBuilder text = new StringBuilder();
        for (SweepPoint p : points) {
            text.append(p.index()).append(' ').append(p.identity()).append('\n');
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
                List<String> identities = new ArrayList<>();
                for (String entry : Files.readAllLines(root.resolve(fields[1]), StandardCharsets.UTF_8)) {
                    String[] point = entry.strip().split(" ");
                    identities.add(point.length == 2 ? point[1] : "");
                }
                arrays.add(new Array(fields[0], identities));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the job arrays of " + arraysFile(), e);
        }
        return arrays;
    }
}
