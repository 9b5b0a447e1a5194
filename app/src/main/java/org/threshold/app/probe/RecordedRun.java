package org.threshold.app.probe;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.curriculum.Evaluation;
import org.threshold.api.model.Model;
import org.threshold.api.probe.TrainedRun;
import org.threshold.api.task.Component;
import org.threshold.api.task.Task;
import org.threshold.app.runfile.RunPlanner;
import org.threshold.runs.DamagedFileException;
import org.threshold.runs.Json;
import org.threshold.runs.run.CheckpointLayout;
import org.threshold.runs.run.EvaluationRecord;
import org.threshold.runs.run.RunDirectory;
import org.threshold.trainer.RunPlan;
import org.threshold.trainer.checkpoint.ParameterFile;

/**
 * A run directory as a probe sees it (docs/RUNS.md): the resolved config.yaml rebuilt into its task
 * and model through the run file's own binder, result.json, metrics.jsonl, and the model weights of
 * {@code checkpoints/step-*}{@code /model.params}. The task is made once, on first use.
 */
public final class RecordedRun implements TrainedRun {

    private final RunDirectory directory;
    private final Map<String, String> givenLabels;
    private final RunPlanner planner;
    private RunPlan plan;

    /**
     * @param labels what distinguishes the run in its sweep (grid keys, {@code mixture}); without
     *     a {@code mixture} label, the task's components with a positive weight, joined by '+'
     */
    public RecordedRun(RunDirectory directory, Map<String, String> labels, RunPlanner planner) {
        this.directory = directory;
        this.givenLabels = Map.copyOf(labels);
        this.planner = planner;
        if (!Files.exists(directory.config())) {
            throw new IllegalArgumentException(directory.path() + " has no config.yaml; a run directory is made by threshold run "
                    + "(docs/RUNS.md)");
        }
    }

    @Override
    public String id() {
        return directory.path().getFileName().toString();
    }

    @Override
    public Path directory() {
        return directory.path();
    }

    @Override
    public Map<String, String> labels() {
        if (givenLabels.containsKey("mixture")) {
            return givenLabels;
        }
        Map<String, String> labels = new LinkedHashMap<>(givenLabels);
        labels.put("mixture", String.join("+", task().components().stream().filter(c -> c.weight() > 0)
                .map(Component::name).toList()));
        return labels;
    }

    @Override
    public Map<String, Double> result() {
        Map<String, Double> figures = new LinkedHashMap<>();
        Optional<JsonObject> read = Json.read(directory.result(), o -> o);
        if (read.isEmpty()) {
            return figures;
        }
        JsonObject o = read.get();
        numbers(o.getAsJsonObject("figures"), figures);
        numbers(o.getAsJsonObject("metrics"), figures);
        numbers(o.getAsJsonObject("phases"), figures);
        numbers(o, figures);
        return figures;
    }

    private static void numbers(JsonObject o, Map<String, Double> into) {
        if (o == null) {
            return;
        }
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            if (e.getValue().isJsonPrimitive() && e.getValue().getAsJsonPrimitive().isNumber()) {
                into.put(e.getKey(), e.getValue().getAsDouble());
            }
        }
    }

    @Override
    public List<Evaluation> history() {
        return directory.metrics().read().stream().map(EvaluationRecord::evaluation).toList();
    }

    @Override
    public synchronized Task task() {
        return plan().task();
    }

    private synchronized RunPlan plan() {
        if (plan == null) {
            plan = planner.plan(ConfigDocument.read(directory.config()));
        }
        return plan;
    }

    @Override
    public Model model(NDManager manager) {
        List<Long> steps = checkpointSteps();
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("run " + id() + " has no checkpoint with model weights (" + directory.checkpoints()
                    + ")");
        }
        return modelAt(manager, steps.get(steps.size() - 1));
    }

    @Override
    public List<Long> checkpointSteps() {
        try {
            return new CheckpointLayout(directory.checkpoints()).steps();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the checkpoints of " + directory.path(), e);
        }
    }

    @Override
    public Model modelAt(NDManager manager, long step) {
        Path file = new CheckpointLayout(directory.checkpoints()).modelParameters(step);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("run " + id() + " has no checkpoint at step " + step + " (it has "
                    + checkpointSteps() + ")");
        }
        RunPlan p = plan();
        // a fresh model per call: each lives on the caller's manager
        Model model = planner.model(ConfigDocument.read(directory.config()), p.task());
        model.initialize(manager, p.initSeed());
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            ParameterFile.load(model.block(), in);
        } catch (java.io.EOFException e) {
            throw new DamagedFileException(file, "it ends before all its values (cut short)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the weights " + file, e);
        }
        return model;
    }

    @Override
    public String toString() {
        return "run " + id() + " " + givenLabels;
    }
}
