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
import org.threshold.analysis.embedding.EmbeddingPca;
import org.threshold.analysis.embedding.OrderStructure;
import org.threshold.analysis.embedding.ParitySeparation;
import org.threshold.analysis.plot.EmbeddingPcaFigure;
import org.threshold.analysis.plot.Figure;
import org.threshold.analysis.plot.StackedFigure;
import org.threshold.api.probe.Probe;
import org.threshold.api.probe.ProbeInput;
import org.threshold.api.probe.ProbeReport;
import org.threshold.api.probe.TrainedRun;
import org.threshold.api.task.Vocabulary;
import org.threshold.runs.CsvFile;
import org.threshold.runs.Table;

/**
 * Embedding PCA (SPEC section 7, paper section 3 and figure 2): per run the cosine-similarity
 * matrix of the element-token embeddings, averaged over each group, eigen-decomposed; the top
 * components against the element value coloured by parity, with the parity-separation and
 * order-correlation numbers. Groups are drawn one above the other in {@code embedding-pca.png}.
 */
final class EmbeddingPcaProbe implements Probe {

    static final String NAME = "embedding-pca";

    private final EmbeddingPcaConfig config;

    EmbeddingPcaProbe(EmbeddingPcaConfig config) {
        this.config = config;
    }

    @Override
    public ProbeReport run(ProbeInput input) throws IOException {
        if (input.runs().isEmpty()) {
            throw new IllegalArgumentException(NAME + ": no finished run to probe");
        }
        Path out = input.outputDirectory();
        Files.createDirectories(out);
        List<RunGroup> groups = GroupList.select(config.groups(), input.runs());
        List<String> notes = new ArrayList<>();
        Map<String, Double> figures = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        List<Figure> pictures = new ArrayList<>();
        JsonObject json = new JsonObject();
        JsonObject groupsJson = new JsonObject();
        Table.Builder csv = Table.withColumns("group", "pc", "element", "token", "value");
        for (RunGroup group : groups) {
            notes.addAll(group.notes());
            if (group.isEmpty()) {
                continue;
            }
            Vocabulary vocabulary = group.runs().get(0).task().vocabulary();
            int[] elements = ElementTokens.of(vocabulary, config.elements());
            for (TrainedRun run : group.runs()) {
                if (!run.task().vocabulary().equals(vocabulary)) {
                    throw new IllegalArgumentException(NAME + ": group " + group.name() + " mixes vocabularies (runs "
                            + group.runs().get(0).id() + " and " + run.id() + "); average runs of one task family and modulus");
                }
            }
            EmbeddingPca pca = ModelReading.averagedPca(group.runs(), elements, OptionalLong.empty());
            int top = Math.min(config.components(), pca.size());
            if (top < config.components()) {
                notes.add("group " + group.name() + ": " + pca.size() + " elements give " + top + " components, not "
                        + config.components());
            }
            ParitySeparation parity = pca.parity(top);
            OrderStructure order = pca.order(top);
            List<String> tokens = new ArrayList<>();
            for (int id : elements) {
                tokens.add(vocabulary.token(id));
            }
            String prefix = group.name() + ".";
            figures.put(prefix + "runs", (double) group.runs().size());
            figures.put(prefix + "parity.single", parity.singleComponentAccuracy());
            figures.put(prefix + "parity.single_shuffled", parity.shuffledSingleComponentAccuracy());
            figures.put(prefix + "parity.pair", parity.pairAccuracy());
            figures.put(prefix + "parity.pair_shuffled", parity.shuffledPairAccuracy());
            figures.put(prefix + "order.max_abs_rho", order.maxAbsRho());
            groupsJson.add(group.name(), groupJson(group, pca, top, parity, order, tokens));
            for (int pc = 1; pc <= top; pc++) {
                double[] v = pca.component(pc);
                for (int k = 0; k < v.length; k++) {
                    csv.row(group.name(), pc, k, tokens.get(k), v[k]);
                }
            }
            EmbeddingPcaFigure figure = new EmbeddingPcaFigure(group.title(), pca, top).withElementLabels(tokens)
                    .withNotes(group.notes());
            Path file = out.resolve(NAME + "-" + group.fileName() + ".png");
            figure.writePng(file);
            files.add(file);
            pictures.add(figure);
        }
        if (pictures.isEmpty()) {
            throw new IllegalArgumentException(NAME + ": every group is empty: " + String.join("; ", notes));
        }
        Path combined = out.resolve(NAME + ".png");
        new StackedFigure(pictures).writePng(combined);
        files.add(0, combined);
        json.add("groups", groupsJson);
        json.add("notes", ProbeJson.texts(notes));
        Path jsonFile = out.resolve(NAME + ".json");
        ProbeJson.write(jsonFile, json);
        files.add(jsonFile);
        Path csvFile = out.resolve(NAME + ".csv");
        CsvFile.write(csvFile, csv.build());
        files.add(csvFile);
        return new ProbeReport(NAME, figures, files, notes);
    }

    private static JsonObject groupJson(RunGroup group, EmbeddingPca pca, int top, ParitySeparation parity, OrderStructure order,
                                        List<String> tokens) {
        JsonObject g = new JsonObject();
        g.add("runs", ProbeJson.texts(group.runs().stream().map(TrainedRun::id).toList()));
        g.addProperty("fallback", group.fallback());
        g.add("notes", ProbeJson.texts(group.notes()));
        g.add("elements", ProbeJson.texts(tokens));
        double[] eigenvalues = new double[top];
        double[] explained = new double[top];
        JsonArray components = new JsonArray();
        for (int pc = 1; pc <= top; pc++) {
            eigenvalues[pc - 1] = pca.eigenvalue(pc);
            explained[pc - 1] = pca.explainedFraction(pc);
            components.add(ProbeJson.numbers(pca.component(pc)));
        }
        g.add("eigenvalues", ProbeJson.numbers(eigenvalues));
        g.add("explained_fraction", ProbeJson.numbers(explained));
        g.add("components", components);
        JsonObject p = new JsonObject();
        p.addProperty("components_searched", parity.components());
        p.addProperty("best_component", parity.bestComponent());
        ProbeJson.put(p, "single_component_accuracy", parity.singleComponentAccuracy());
        ProbeJson.put(p, "single_component_shuffled", parity.shuffledSingleComponentAccuracy());
        JsonArray pair = new JsonArray();
        pair.add(parity.bestPairFirst());
        pair.add(parity.bestPairSecond());
        p.add("best_pair", pair);
        ProbeJson.put(p, "pair_accuracy", parity.pairAccuracy());
        ProbeJson.put(p, "pair_shuffled", parity.shuffledPairAccuracy());
        ProbeJson.put(p, "majority_rate", parity.majorityRate());
        p.addProperty("shuffles", parity.shuffles());
        g.add("parity", p);
        JsonObject o = new JsonObject();
        o.add("spearman_rho", ProbeJson.numbers(order.rho().stream().mapToDouble(Double::doubleValue).toArray()));
        o.addProperty("best_component", order.bestComponent());
        ProbeJson.put(o, "max_abs_rho", order.maxAbsRho());
        g.add("order", o);
        return g;
    }
}
