package org.threshold.analysis.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.threshold.analysis.plot.AttentionGridFigure;
import org.threshold.api.model.LayerActivations;
import org.threshold.api.model.Model;
import org.threshold.api.probe.Probe;
import org.threshold.api.probe.ProbeInput;
import org.threshold.api.probe.ProbeReport;
import org.threshold.api.probe.TrainedRun;

/**
 * Attention pattern (SPEC section 7, appendix F figure 41): the softmax attention weights of one
 * test example, per layer and head, one picture per run ({@code attention-<run>.png}) and every
 * weight in {@code attention-pattern.json}.
 */
final class AttentionPatternProbe implements Probe {

    static final String NAME = "attention-pattern";

    private final AttentionPatternConfig config;

    AttentionPatternProbe(AttentionPatternConfig config) {
        this.config = config;
    }

    @Override
    public ProbeReport run(ProbeInput input) throws IOException {
        RunGroup group = config.group().select(input.runs());
        List<String> notes = new ArrayList<>(group.notes());
        if (group.isEmpty()) {
            throw new IllegalArgumentException(NAME + ": group: no run to draw: " + String.join("; ", notes));
        }
        List<TrainedRun> runs = new ArrayList<>(group.runs());
        if (runs.size() > config.maxRuns()) {
            runs.sort(Comparator.comparingDouble((TrainedRun r) -> -config.group().value(r).orElse(Double.NEGATIVE_INFINITY))
                    .thenComparing(TrainedRun::id));
            notes.add(runs.size() + " runs matched; drawn: the best " + config.maxRuns() + " by " + config.group().metric()
                    + " (max_runs)");
            runs = runs.subList(0, config.maxRuns());
        }
        Path out = input.outputDirectory();
        Files.createDirectories(out);
        List<Path> files = new ArrayList<>();
        Map<String, Double> figures = new LinkedHashMap<>();
        JsonObject json = new JsonObject();
        JsonObject runsJson = new JsonObject();
        for (TrainedRun run : runs) {
            List<int[]> sequences = config.sequences().from(run.task(), NAME);
            if (sequences.size() <= config.example()) {
                throw new IllegalArgumentException(NAME + ": example: the test set has " + sequences.size()
                        + " items, so example " + config.example() + " does not exist");
            }
            int[] example = sequences.get(config.example());
            double[][][][] weights = weights(run, example);
            List<String> tokens = new ArrayList<>();
            for (int id : example) {
                tokens.add(run.task().vocabulary().token(id));
            }
            String text = run.task().vocabulary().render(example);
            Path png = out.resolve("attention-" + FileNames.safe(run.id()) + ".png");
            String mixture = run.labels().getOrDefault("mixture", "");
            new AttentionGridFigure("Attention of run " + run.id() + (mixture.isEmpty() ? "" : " (" + mixture + ")") + ": " + text,
                    tokens, weights).writePng(png);
            files.add(png);
            figures.put(run.id() + ".layers", (double) weights.length);
            figures.put(run.id() + ".heads", (double) weights[0].length);
            JsonObject r = new JsonObject();
            r.addProperty("example", config.example());
            r.addProperty("text", text);
            r.add("tokens", ProbeJson.texts(tokens));
            JsonArray layers = new JsonArray();
            for (double[][][] layer : weights) {
                JsonArray heads = new JsonArray();
                for (double[][] head : layer) {
                    JsonArray rows = new JsonArray();
                    for (double[] row : head) {
                        rows.add(ProbeJson.numbers(row));
                    }
                    heads.add(rows);
                }
                layers.add(heads);
            }
            r.add("weights", layers);
            runsJson.add(run.id(), r);
        }
        json.add("runs", runsJson);
        json.add("notes", ProbeJson.texts(notes));
        Path jsonFile = out.resolve(NAME + ".json");
        ProbeJson.write(jsonFile, json);
        files.add(jsonFile);
        return new ProbeReport(NAME, figures, files, notes);
    }

    /** weights[layer][head][query][key] of one sequence. */
    private static double[][][][] weights(TrainedRun run, int[] example) {
        long[] ids = new long[example.length];
        for (int t = 0; t < example.length; t++) {
            ids[t] = example[t];
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            Model model = run.model(manager);
            NDArray tokens = manager.create(ids, new Shape(1, example.length));
            List<LayerActivations> layers = ModelReading.hooks(model, run).layerActivations(tokens);
            double[][][][] out = new double[layers.size()][][][];
            for (int l = 0; l < layers.size(); l++) {
                NDArray w = layers.get(l).attentionWeights();
                int heads = Math.toIntExact(w.getShape().get(1));
                int time = example.length;
                float[] values;
                try (NDArray floats = w.toType(DataType.FLOAT32, false)) {
                    values = floats.toFloatArray();
                }
                out[l] = new double[heads][time][time];
                for (int h = 0; h < heads; h++) {
                    for (int q = 0; q < time; q++) {
                        for (int k = 0; k < time; k++) {
                            // clamped: float rounding can put a weight a hair outside [0, 1]
                            out[l][h][q][k] = Math.min(1.0, Math.max(0.0, values[(h * time + q) * time + k]));
                        }
                    }
                }
            }
            return out;
        }
    }
}
