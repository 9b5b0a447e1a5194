package org.threshold.runs.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.threshold.runs.AtomicFile;
import org.threshold.runs.CsvFile;
import org.threshold.runs.Json;
import org.threshold.runs.run.RunDirectory;

/**
 * A sweep's directory ({@code <sweep.output>/<sweep.name>/}, docs/SWEEPS.md):
 *
 * <pre>
 * sweep.yaml      the sweep file as given
 * index.json      every grid point: mixture, coordinates, run identity (index.csv: the same as a table)
 * runs/ID/        one run directory per point (docs/RUNS.md), plus the executor's stdout.log,
 *                 stderr.log, run.lock and, for a failed point, failure.json
 * summary.csv     one row per point: mixture, parameters, test_accuracy, grid keys, ...
 * analysis/       transition.json, the figures (PNG) and report.html
 * </pre>
 *
 * Every file a reader may see half written goes through a temporary file and an atomic move.
 */
public final class SweepDirectory {

    /** A point's standard output and error in its run directory, as every executor writes them. */
    public static final String STDOUT = "stdout.log";
    public static final String STDERR = "stderr.log";
    /** In a stacked point's run directory: which stack it trains in and where that stack's logs are. */
    public static final String STACK_NOTE = "stack.txt";

    private final Path root;

    public SweepDirectory(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path sweepFile() {
        return root.resolve("sweep.yaml");
    }

    public Path indexJson() {
        return root.resolve("index.json");
    }

    public Path indexCsv() {
        return root.resolve("index.csv");
    }

    /** The parent of the run directories: the {@code runtime.output} of every grid point. */
    public Path runs() {
        return root.resolve("runs");
    }

    public RunDirectory run(String identity) {
        return RunDirectory.under(runs(), identity);
    }

    /** Where a point's failed process is described (exit code, the end of its stderr). */
    public Path failure(String identity) {
        return runs().resolve(identity).resolve(PointFailure.FILE);
    }

    /** Where the executor sends a point's standard output (appended to across attempts). */
    public Path stdout(String identity) {
        return runs().resolve(identity).resolve(STDOUT);
    }

    /** Where the executor sends a point's standard error (appended to across attempts). */
    public Path stderr(String identity) {
        return runs().resolve(identity).resolve(STDERR);
    }

    /**
     * Where the executor sends a stack's standard output (SPEC section 10): one log per stack,
     * named by its members' grid indices ({@code stacks/points-3,5,7.stdout.log}).
     */
    public Path stackStdout(List<Integer> members) {
        return stacks().resolve("points-" + indices(members) + ".stdout.log");
    }

    /** Where the executor sends a stack's standard error, beside {@link #stackStdout}. */
    public Path stackStderr(List<Integer> members) {
        return stacks().resolve("points-" + indices(members) + ".stderr.log");
    }

    public Path stacks() {
        return root.resolve("stacks");
    }

    /** In a stacked point's run directory: which stack it trains in and where that stack's logs are. */
    public Path stackNote(String identity) {
        return runs().resolve(identity).resolve(STACK_NOTE);
    }

    private static String indices(List<Integer> members) {
        return String.join(",", members.stream().map(String::valueOf).toList());
    }

    public Path summaryCsv() {
        return root.resolve("summary.csv");
    }

    public Path analysis() {
        return root.resolve("analysis");
    }

    /** Where the sweep-level probes write, one directory per probe (docs/PROBES.md). */
    public Path probes() {
        return root.resolve("probes");
    }

    /** The fits of every mixture and the ratios between them (docs/SWEEPS.md). */
    public Path transitionJson() {
        return analysis().resolve("transition.json");
    }

    public Path report() {
        return analysis().resolve("report.html");
    }

    /** Writes sweep.yaml (the file as given) and the index, creating the directory. */
    public void write(byte[] sweepFileText, SweepIndex index) {
        try {
            Files.createDirectories(runs());
            AtomicFile.removeAbandoned(root); // what a sweep killed while writing its index left
            AtomicFile.write(sweepFile(), sweepFileText);
            AtomicFile.writeText(indexJson(), Json.PRETTY.toJson(index.toJson()) + "\n");
            CsvFile.write(indexCsv(), index.table());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sweep directory " + root + " (sweep.output, sweep.name)", e);
        }
    }

    /**
     * The index, when {@code threshold sweep} has written one.
     *
     * @throws org.threshold.runs.DamagedFileException when index.json is there but cannot be read
     *     ({@code threshold sweep SWEEP_FILE --list} writes it again)
     */
    public Optional<SweepIndex> readIndex() {
        return Json.read(indexJson(), SweepIndex::fromJson);
    }
}
