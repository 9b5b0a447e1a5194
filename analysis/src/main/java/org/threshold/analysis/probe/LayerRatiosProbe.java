package org.threshold.analysis.probe;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.threshold.analysis.distribution.DistributionComparison;
import org.threshold.analysis.plot.GroupSamples;
import org.threshold.analysis.plot.RatioHistogramFigure;
import org.threshold.api.probe.Probe;
import org.threshold.api.probe.ProbeInput;
import org.threshold.api.probe.ProbeReport;
import org.threshold.api.probe.TrainedRun;
import org.threshold.api.task.Vocabulary;
import org.threshold.runs.CsvFile;
import org.threshold.runs.Table;

/**
 * Attention and feed-forward ratios (SPEC section 7, paper appendix F): every run of both groups
 * reads the same test sequences (taken from group a's first run), the log-ratios of all their
 * tokens at one layer are pooled per group, and the groups are compared with KS, Jensen–Shannon,
 * Wasserstein-1, Cohen's d and the mean difference's interval, a minus b (the paper: ALL3 − SUM).
 */
final class LayerRatiosProbe implements Probe {

    static final String NAME = "layer-ratios";

    private final LayerRatiosConfig config;

    LayerRatiosProbe(LayerRatiosConfig config) {
        this.config = config;
    }

    @Override
    public ProbeReport run(ProbeInput input) throws IOException {
        List<TrainedRun> runs = input.runs();
        RunFilter filterA;
        RunFilter filterB;
        if (config.a().isPresent() && config.b().isPresent()) {
            filterA = config.a().get();
            filterB = config.b().get();
        } else {
            Set<String> mixtures = new LinkedHashSet<>();
            runs.forEach(r -> mixtures.add(r.labels().getOrDefault("mixture", "?")));
            if (mixtures.size() != 2) {
                throw new IllegalArgumentException(NAME + ": the runs have " + mixtures.size() + " mixture(s) (" + String.join(", ", mixtures)
                        + "); name the two groups to compare with keys a and b (e.g. a: {mixture: MAX+MED+SUM}, b: {mixture: SUM})");
            }
            List<String> two = new ArrayList<>(mixtures);
            filterA = RunFilter.mixture(two.get(0));
            filterB = RunFilter.mixture(two.get(1));
        }
        RunGroup a = filterA.select(runs);
        RunGroup b = filterB.select(runs);
        List<String> notes = new ArrayList<>(a.notes());
        notes.addAll(b.notes());
        for (RunGroup g : List.of(a, b)) {
            if (g.isEmpty()) {
                throw new IllegalArgumentException(NAME + ": group " + (g == a ? "a" : "b") + " (" + g.name() + ") has no run: "
                        + String.join("; ", g.notes()));
            }
        }
        TrainedRun reference = a.runs().get(0);
        Vocabulary vocabulary = reference.task().vocabulary();
        List<int[]> sequences = config.sequences().from(reference.task(), NAME);
        Path out = input.outputDirectory();
        Files.createDirectories(out);

        Table.Builder csv = Table.withColumns("group", "run", "sequence", "position", "token", "layer", "log_r_attn", "log_r_ffn");
        double[][] attention = new double[2][];
        double[][] feedForward = new double[2][];
        int layer = -1;
        List<RunGroup> groups = List.of(a, b);
        for (int g = 0; g < 2; g++) {
            List<double[]> attn = new ArrayList<>();
            List<double[]> ffn = new ArrayList<>();
            for (TrainedRun run : groups.get(g).runs()) {
                if (!run.task().vocabulary().equals(vocabulary)) {
                    throw new IllegalArgumentException(NAME + ": run " + run.id() + " has another vocabulary than run "
                            + reference.id() + ", so the two cannot read the same test equations");
                }
                LayerRatios ratios = LayerRatios.measure(run, sequences, config.layer(), vocabulary.pad());
                if (layer >= 0 && ratios.layer() != layer) {
                    throw new IllegalArgumentException(NAME + ": the runs have different numbers of layers (last layer " + layer
                            + " and " + ratios.layer() + "); give layer explicitly or compare models of one depth");
                }
                layer = ratios.layer();
                attn.add(ratios.logAttention());
                ffn.add(ratios.logFeedForward());
                for (int i = 0; i < ratios.token().length; i++) {
                    csv.row(groups.get(g).name(), run.id(), ratios.sequence()[i], ratios.position()[i],
                            vocabulary.token(ratios.token()[i]), ratios.layer(), ratios.logAttention()[i], ratios.logFeedForward()[i]);
                }
            }
            attention[g] = concat(attn);
            feedForward[g] = concat(ffn);
        }
        DistributionComparison attentionStats = DistributionComparison.compare(attention[0], attention[1]);
        DistributionComparison feedForwardStats = DistributionComparison.compare(feedForward[0], feedForward[1]);

        Map<String, Double> figures = new LinkedHashMap<>();
        attentionStats.figures().forEach((k, v) -> figures.put("attention." + k, v));
        feedForwardStats.figures().forEach((k, v) -> figures.put("feed_forward." + k, v));
        figures.put("layer", (double) layer);
        figures.put("sequences", (double) sequences.size());

        JsonObject json = new JsonObject();
        json.addProperty("layer", layer);
        json.addProperty("eval_set", config.sequences().evalSet());
        json.addProperty("sequence", config.sequences().equation() ? "equation" : "prompt");
        json.addProperty("sequences", sequences.size());
        json.addProperty("sequences_from", reference.id());
        json.addProperty("sign", "a - b");
        JsonObject groupJson = new JsonObject();
        groupJson.add("a", group(a));
        groupJson.add("b", group(b));
        json.add("groups", groupJson);
        json.add("attention", ProbeJson.numbers(attentionStats.figures()));
        json.add("feed_forward", ProbeJson.numbers(feedForwardStats.figures()));
        json.add("notes", ProbeJson.texts(notes));
        List<Path> files = new ArrayList<>();
        Path png = out.resolve(NAME + ".png");
        String title = String.format("Layer ratios, layer %d, %s (%d sequences): %s vs %s", layer, config.sequences().describe(),
                sequences.size(), a.title(), b.title());
        new RatioHistogramFigure(title, List.of(
                new GroupSamples("attention: log ‖SA(LN1(x))‖/‖x‖", a.name(), attention[0], b.name(), attention[1]),
                new GroupSamples("feed-forward: log ‖FFN(LN2(x1))‖/‖x1‖", a.name(), feedForward[0], b.name(), feedForward[1])))
                .writePng(png);
        files.add(png);
        Path jsonFile = out.resolve(NAME + ".json");
        ProbeJson.write(jsonFile, json);
        files.add(jsonFile);
        Path csvFile = out.resolve(NAME + ".csv");
        CsvFile.write(csvFile, csv.build());
        files.add(csvFile);
        notes.add("attention, " + a.name() + " − " + b.name() + ": " + attentionStats.describe());
        notes.add("feed-forward, " + a.name() + " − " + b.name() + ": " + feedForwardStats.describe());
        return new ProbeReport(NAME, figures, files, notes);
    }

    private static JsonObject group(RunGroup g) {
        JsonObject o = new JsonObject();
        o.addProperty("name", g.name());
        o.add("runs", ProbeJson.texts(g.runs().stream().map(TrainedRun::id).toList()));
        o.addProperty("fallback", g.fallback());
        o.add("notes", ProbeJson.texts(g.notes()));
        return o;
    }

    private static double[] concat(List<double[]> parts) {
        int n = parts.stream().mapToInt(p -> p.length).sum();
        double[] out = new double[n];
        int i = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }
}
