package org.threshold.app.slurm;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.threshold.app.fixtures.Cli;
import org.threshold.app.fixtures.PluginJars;
import org.threshold.runs.Json;
import org.threshold.runs.sweep.IndexEntry;
import org.threshold.runs.sweep.SweepDirectory;

/** Tiny ListOps sweeps for the Slurm tests, and what two runs of one point must share. */
final class SlurmSweeps {

    private SlurmSweeps() {
    }

    /**
     * A sweep file: a 1-layer GPT on ListOps MAX, one libtorch thread per point (so that runs on
     * Slurm and on the local executor compute alike).
     *
     * @param grid the sweep's grid, e.g. {@code {seed: [1, 2]}}
     * @param executor the sweep's executor section
     */
    static Path file(Path dir, String name, Path output, String grid, String executor, int steps, int evalEvery, int checkpointEvery) {
        // one file name for every executor: a run's result.json names the file it came from
        Path folder = dir.resolve("files").resolve(output.getFileName().toString());
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PluginJars.runFile(folder, name + ".yaml", """
                seed: 1
                task: {type: listops, operators: [MAX], depth: 1, context: 16, excluded: 200,
                       train_size: 800, test_size: 100, eval_size: 100}
                model: {type: gpt, d: 16, layers: 1}
                training: {steps: %d, eval_every: %d, lr: 3.0e-3, warmup: 5, early_stopping: {enabled: false}}
                runtime: {threads: 1, checkpoint_every: %d}
                sweep:
                  name: %s
                  output: %s
                  grid: %s
                  executor: %s
                """.formatted(steps, evalEvery, checkpointEvery, name, output, grid, executor));
    }

    /** Runs threshold sweep in this JVM, as a user would, and fails with its output when it cannot bind. */
    static Cli.Result sweep(Path file, String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "sweep";
        args[1] = file.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        return Cli.run(args);
    }

    /** The sweep's points by index. */
    static List<IndexEntry> points(Path sweepDirectory) {
        return new SweepDirectory(sweepDirectory).readIndex().orElseThrow().points();
    }

    /** A run's result.json without its timing (the "time" object), as text to compare. */
    static String resultWithoutTiming(Path run) {
        JsonObject o = Json.parse(read(run.resolve("result.json")));
        o.remove("time");
        return Json.COMPACT.toJson(o);
    }

    /** A run's metrics.jsonl without its timing fields, line by line. */
    static List<String> metricsWithoutTiming(Path run) {
        return read(run.resolve("metrics.jsonl")).lines().map(line -> {
            JsonObject o = Json.parse(line);
            o.remove("time");
            return Json.COMPACT.toJson(o);
        }).toList();
    }

    /** Every point's result and metrics, timing aside, by identity: what two executors must agree on. */
    static Map<String, List<String>> science(Path sweepDirectory) {
        Map<String, List<String>> science = new TreeMap<>();
        for (IndexEntry point : points(sweepDirectory)) {
            Path run = sweepDirectory.resolve("runs").resolve(point.identity());
            List<String> lines = new java.util.ArrayList<>(List.of(resultWithoutTiming(run)));
            lines.addAll(metricsWithoutTiming(run));
            science.put(point.identity(), lines);
        }
        return science;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
