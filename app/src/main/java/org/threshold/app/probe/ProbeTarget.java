package org.threshold.app.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigNode;
import org.threshold.api.probe.TrainedRun;
import org.threshold.app.runfile.RunPlanner;
import org.threshold.runs.DamagedFileException;
import org.threshold.runs.run.CheckpointLayout;
import org.threshold.runs.run.RunDirectory;
import org.threshold.runs.run.RunResult;
import org.threshold.runs.sweep.IndexEntry;
import org.threshold.runs.sweep.SweepDirectory;
import org.threshold.runs.sweep.SweepIndex;

/**
 * What {@code threshold probe TARGET} probes: a run directory (config.yaml) or a sweep directory
 * (index.json). Probes write under {@code TARGET/probes/}; the probes listed in the target's own
 * config are those of config.yaml's {@code probes:} (a run) or sweep.yaml's {@code sweep.probes:}
 * (a sweep).
 *
 * @param root the directory
 * @param sweep whether it is a sweep directory
 * @param runs the finished runs (a sweep's runs labelled with their mixture and grid coordinates)
 * @param notes runs left out, and why
 */
public record ProbeTarget(Path root, boolean sweep, List<TrainedRun> runs, List<String> notes) {

    public ProbeTarget {
        runs = List.copyOf(runs);
        notes = List.copyOf(notes);
    }

    /** @throws IllegalArgumentException when the directory is neither a run nor a sweep directory */
    public static ProbeTarget of(Path root, RunPlanner planner) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(root + " is not a directory; give a run directory (made by threshold run) or a sweep "
                    + "directory (made by threshold sweep)");
        }
        SweepDirectory sweepDirectory = new SweepDirectory(root);
        Optional<SweepIndex> index = sweepDirectory.readIndex(); // a damaged one is said with its file (exit 1)
        if (index.isPresent()) {
            return sweep(sweepDirectory, index.get(), planner);
        }
        RunDirectory run = new RunDirectory(root);
        if (!Files.exists(run.config())) {
            throw new IllegalArgumentException(root + " is neither a run directory (no config.yaml) nor a sweep directory (no "
                    + "index.json)");
        }
        run.readResult(); // a damaged result.json is said with its file before any probe reads it
        return new ProbeTarget(root, false, List.of(new RecordedRun(run, Map.of(), planner)), List.of());
    }

    /** A sweep's finished runs, labelled with their mixture, variant and grid coordinates. */
    public static ProbeTarget sweep(SweepDirectory directory, SweepIndex index, RunPlanner planner) {
        List<TrainedRun> runs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int left = 0;
        for (IndexEntry point : index.points()) {
            RunDirectory run = directory.run(point.identity());
            Optional<RunResult> result;
            Optional<DamagedFileException> weights;
            try {
                result = Files.exists(run.config()) ? run.readResult() : Optional.empty();
                weights = result.isPresent() && result.get().finished() ? finalWeightsDamage(run) : Optional.empty();
            } catch (DamagedFileException e) {
                // one damaged run does not keep the others from their probes
                notes.add("point " + point.index() + " (" + point.identity() + ") is left out: " + e.getMessage());
                continue;
            }
            if (weights.isPresent()) {
                notes.add("point " + point.index() + " (" + point.identity() + ") is left out: " + weights.get().getMessage());
                continue;
            }
            if (result.isEmpty() || !result.get().finished()) {
                left++;
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("mixture", point.mixture());
            point.variant().ifPresent(v -> labels.put("variant", v));
            for (String key : index.gridKeys()) {
                point.coordinate(key).ifPresent(v -> labels.put(key, v));
            }
            labels.putIfAbsent("seed", Long.toString(point.seed()));
            runs.add(new RecordedRun(run, labels, planner));
        }
        if (left > 0) {
            notes.add(left + " of " + index.points().size() + " grid points have no finished run and are left out");
        }
        return new ProbeTarget(directory.root(), true, runs, notes);
    }

    /** What is wrong with a finished run's final checkpoint, whose weights the probes read; empty when it can be read. */
    private static Optional<DamagedFileException> finalWeightsDamage(RunDirectory run) {
        try {
            CheckpointLayout layout = new CheckpointLayout(run.checkpoints());
            List<Path> checkpoints = layout.newestFirst();
            return checkpoints.isEmpty() ? Optional.empty() : layout.inspect(checkpoints.get(0)).damage();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoints of " + run.path(), e);
        }
    }

    /** Where a probe's files go. */
    public Path output(String directoryName) {
        return (sweep ? new SweepDirectory(root).probes() : new RunDirectory(root).probes()).resolve(directoryName);
    }

    /** The {@code probes:} list of the target's own config: config.yaml's, or sweep.yaml's {@code sweep.probes}. */
    public Optional<ConfigNode> ownProbes() {
        Path file = configFile();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return probesOf(ConfigDocument.read(file).tree(), sweep);
    }

    /** The target's own config: a sweep directory's sweep.yaml, a run directory's config.yaml. */
    public Path configFile() {
        return sweep ? new SweepDirectory(root).sweepFile() : new RunDirectory(root).config();
    }

    /** A run file's {@code probes:} node, or (sweep) its {@code sweep.probes:} node. */
    public static Optional<ConfigNode> probesOf(ConfigNode tree, boolean sweep) {
        if (!(tree instanceof ConfigNode.Mapping top)) {
            return Optional.empty();
        }
        if (!sweep) {
            return top.get("probes");
        }
        return top.get("sweep").flatMap(s -> s instanceof ConfigNode.Mapping m ? m.get("probes") : Optional.empty());
    }
}
