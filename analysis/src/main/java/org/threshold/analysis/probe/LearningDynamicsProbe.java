package org.threshold.analysis.probe;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.threshold.analysis.embedding.EmbeddingPca;
import org.threshold.analysis.embedding.OrderStructure;
import org.threshold.analysis.embedding.ParitySeparation;
import org.threshold.analysis.plot.ComponentsOverStepsFigure;
import org.threshold.analysis.plot.Figure;
import org.threshold.analysis.plot.StackedFigure;
import org.threshold.analysis.plot.TrainingCurve;
import org.threshold.analysis.plot.TrainingCurvesFigure;
import org.threshold.api.curriculum.Evaluation;
import org.threshold.api.probe.Probe;
import org.threshold.api.probe.ProbeInput;
import org.threshold.api.probe.ProbeReport;
import org.threshold.api.probe.TrainedRun;
import org.threshold.runs.CsvFile;
import org.threshold.runs.Table;

/**
 * Learning dynamics (SPEC section 7, paper figure 4): the training loss and the per-component
 * accuracies of every run over its evaluations ({@code learning-dynamics.png/.csv}), and the
 * embedding's top principal components at checkpoint steps, the similarity matrices averaged over
 * each group's runs ({@code embedding-steps.png/.csv}). Runs keep only their newest checkpoints
 * (docs/RUNS.md), so the steps that can be shown are the ones every run of a group still has; a
 * step asked for and missing is named in the notes.
 */
final class LearningDynamicsProbe implements Probe {

    static final String NAME = "learning-dynamics";
    static final String LOSS = "loss";

    private final LearningDynamicsConfig config;

    LearningDynamicsProbe(LearningDynamicsConfig config) {
        this.config = config;
    }

    @Override
    public ProbeReport run(ProbeInput input) throws IOException {
        List<RunGroup> groups = GroupList.select(config.groups(), input.runs());
        List<String> notes = new ArrayList<>();
        groups.forEach(g -> notes.addAll(g.notes()));
        List<TrainedRun> runs = groups.stream().flatMap(g -> g.runs().stream()).distinct().toList();
        if (runs.isEmpty()) {
            throw new IllegalArgumentException(NAME + ": no run to draw: " + String.join("; ", notes));
        }
        Path out = input.outputDirectory();
        Files.createDirectories(out);
        List<Path> files = new ArrayList<>();
        Map<String, Double> figures = new LinkedHashMap<>();

        List<String> metrics = config.metrics();
        if (metrics.isEmpty()) {
            TreeSet<String> found = new TreeSet<>();
            runs.forEach(r -> r.history().forEach(e -> e.metrics().keySet().stream()
                    .filter(m -> m.equals("accuracy") || m.startsWith("accuracy.")).forEach(found::add)));
            metrics = new ArrayList<>(found);
        }
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException(NAME + ": the runs' metrics.jsonl has no accuracy metric; name the metrics to draw "
                    + "with the metrics key");
        }
        Table.Builder curves = Table.withColumns("group", "run", "step", "metric", "value");
        List<TrainingCurve> lines = new ArrayList<>();
        for (RunGroup group : groups) {
            for (TrainedRun run : group.runs()) {
                List<Evaluation> history = run.history();
                if (history.isEmpty()) {
                    notes.add("run " + run.id() + " has no evaluation in metrics.jsonl");
                    continue;
                }
                lines.add(new TrainingCurve(group.name() + " " + run.id(), history));
                for (Evaluation e : history) {
                    List<String> columns = new ArrayList<>(List.of(LOSS));
                    columns.addAll(metrics);
                    for (String metric : columns) {
                        e.metric(metric).ifPresent(v -> curves.row(group.name(), run.id(), e.step(), metric, v));
                    }
                }
                Evaluation last = history.get(history.size() - 1);
                figures.put(run.id() + ".steps", (double) last.step());
                last.metric(LOSS).ifPresent(v -> figures.put(run.id() + ".final_loss", v));
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(NAME + ": no run has evaluations to draw: " + String.join("; ", notes));
        }
        Path curvesPng = out.resolve(NAME + ".png");
        new TrainingCurvesFigure("Training loss and accuracy over steps", lines, LOSS, metrics).writePng(curvesPng);
        files.add(curvesPng);
        Path curvesCsv = out.resolve(NAME + ".csv");
        CsvFile.write(curvesCsv, curves.build());
        files.add(curvesCsv);

        Table.Builder components = Table.withColumns("group", "step", "pc", "element", "token", "value");
        JsonObject json = new JsonObject();
        JsonObject groupsJson = new JsonObject();
        List<Figure> pictures = new ArrayList<>();
        for (RunGroup group : groups) {
            if (group.isEmpty()) {
                continue;
            }
            List<Long> steps = steps(group, notes);
            if (steps.isEmpty()) {
                continue;
            }
            var vocabulary = group.runs().get(0).task().vocabulary();
            int[] elements = ElementTokens.of(vocabulary, config.elements());
            List<EmbeddingPca> pcas = new ArrayList<>();
            JsonArray stepsJson = new JsonArray();
            int top = Math.min(config.components(), elements.length);
            for (long step : steps) {
                EmbeddingPca pca = ModelReading.averagedPca(group.runs(), elements, OptionalLong.of(step));
                pcas.add(pca);
                JsonObject s = new JsonObject();
                s.addProperty("step", step);
                for (int pc = 1; pc <= top; pc++) {
                    double[] v = pca.component(pc);
                    for (int k = 0; k < v.length; k++) {
                        components.row(group.name(), step, pc, k, vocabulary.token(elements[k]), v[k]);
                    }
                }
                if (top >= 2) {
                    ParitySeparation parity = pca.parity(top);
                    OrderStructure order = pca.order(top);
                    ProbeJson.put(s, "parity_pair_accuracy", parity.pairAccuracy());
                    ProbeJson.put(s, "parity_pair_shuffled", parity.shuffledPairAccuracy());
                    ProbeJson.put(s, "order_max_abs_rho", order.maxAbsRho());
                    figures.put(group.name() + ".step" + step + ".parity.pair", parity.pairAccuracy());
                    figures.put(group.name() + ".step" + step + ".order.max_abs_rho", order.maxAbsRho());
                }
                stepsJson.add(s);
            }
            JsonObject g = new JsonObject();
            g.add("runs", ProbeJson.texts(group.runs().stream().map(TrainedRun::id).toList()));
            g.add("steps", stepsJson);
            groupsJson.add(group.name(), g);
            pictures.add(new ComponentsOverStepsFigure("Embedding PCs over training: " + group.title(), steps, pcas, top));
        }
        if (!pictures.isEmpty()) {
            Path stepsPng = out.resolve("embedding-steps.png");
            new StackedFigure(pictures).writePng(stepsPng);
            files.add(stepsPng);
            Path stepsCsv = out.resolve("embedding-steps.csv");
            CsvFile.write(stepsCsv, components.build());
            files.add(stepsCsv);
        }
        json.add("metrics", ProbeJson.texts(metrics));
        json.add("groups", groupsJson);
        json.add("notes", ProbeJson.texts(notes));
        Path jsonFile = out.resolve(NAME + ".json");
        ProbeJson.write(jsonFile, json);
        files.add(jsonFile);
        return new ProbeReport(NAME, figures, files, notes);
    }

    /** The asked steps (or all) that every run of the group has a checkpoint of; missing ones noted. */
    private List<Long> steps(RunGroup group, List<String> notes) {
        TreeSet<Long> common = new TreeSet<>(group.runs().get(0).checkpointSteps());
        group.runs().forEach(r -> common.retainAll(r.checkpointSteps()));
        if (config.steps().isEmpty()) {
            if (common.isEmpty()) {
                notes.add("group " + group.name() + ": its runs share no checkpoint step, so no embedding PCs over steps");
            }
            return new ArrayList<>(common);
        }
        List<Long> chosen = new ArrayList<>();
        for (long step : config.steps()) {
            if (common.contains(step)) {
                chosen.add(step);
            } else {
                notes.add("group " + group.name() + ": step " + step + " has no checkpoint in every run (kept: "
                        + common + "; runs keep their newest checkpoints only, docs/RUNS.md)");
            }
        }
        return chosen;
    }
}
