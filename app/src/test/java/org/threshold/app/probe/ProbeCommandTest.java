package org.threshold.app.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.app.fixtures.Cli;
import org.threshold.app.fixtures.PluginJars;
import org.threshold.app.fixtures.TrainedSweep;

/**
 * {@code threshold probe} on a tiny trained sweep (MAX and SUM, two seeds each) and on one of its
 * runs: every built-in probe writes its files with plausible numbers, bad probe configs are named
 * by key, and an empty group is filled by its best runs and said so.
 */
class ProbeCommandTest {

    @TempDir
    Path dir;

    private static JsonObject json(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    private static BufferedImage png(Path file) throws IOException {
        assertThat(file).isRegularFile();
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as(file + " is a PNG").isNotNull();
        return image;
    }

    @Test
    void embeddingPcaAveragesEachGroupAndSaysWhenTheBestRunsStandInForAnEmptyOne() throws IOException {
        Path sweep = TrainedSweep.directory();
        Cli.Result result = Cli.run("probe", sweep.toString(), "--probe", "embedding-pca");
        assertThat(result.code()).as(result.err()).isZero();
        Path out = sweep.resolve("probes/embedding-pca");
        assertThat(result.out()).contains("probe embedding-pca -> " + out)
                .contains("note: group SUM-best: no run has test_accuracy ≥ 0.999; shown instead: the best 2 of 2 runs");
        BufferedImage combined = png(out.resolve("embedding-pca.png"));
        BufferedImage max = png(out.resolve("embedding-pca-MAX.png"));
        assertThat(combined.getWidth()).isEqualTo(max.getWidth());
        assertThat(combined.getHeight()).as("two groups stacked").isEqualTo(2 * max.getHeight());
        png(out.resolve("embedding-pca-SUM-best.png"));
        JsonObject groups = json(out.resolve("embedding-pca.json")).getAsJsonObject("groups");
        assertThat(groups.keySet()).containsExactly("MAX", "SUM-best");
        JsonObject sum = groups.getAsJsonObject("SUM-best");
        assertThat(sum.get("fallback").getAsBoolean()).isTrue();
        assertThat(sum.getAsJsonArray("runs")).hasSize(2);
        assertThat(sum.getAsJsonArray("elements").toString()).isEqualTo("[\"0\",\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\"]");
        for (String group : groups.keySet()) {
            JsonObject g = groups.getAsJsonObject(group);
            JsonObject parity = g.getAsJsonObject("parity");
            assertThat(parity.get("pair_accuracy").getAsDouble()).isBetween(0.5, 1.0)
                    .isGreaterThanOrEqualTo(parity.get("single_component_accuracy").getAsDouble());
            assertThat(g.getAsJsonObject("order").get("max_abs_rho").getAsDouble()).isBetween(0.0, 1.0);
            double explained = 0;
            for (var e : g.getAsJsonArray("explained_fraction")) {
                explained += e.getAsDouble();
            }
            assertThat(explained).as("the top 4 of 10 components explain part of the trace").isBetween(0.0, 1.0 + 1e-9);
        }
        List<String> csv = Files.readAllLines(out.resolve("embedding-pca.csv"));
        assertThat(csv.get(0)).isEqualTo("group,pc,element,token,value");
        assertThat(csv).hasSize(1 + 2 * 4 * 10);
    }

    @Test
    void layerRatiosCompareTheTwoGroupsOnTheSameTestEquations() throws IOException {
        Path sweep = TrainedSweep.directory();
        Cli.Result result = Cli.run("probe", sweep.toString(), "--probe", "layer-ratios");
        assertThat(result.code()).as(result.err()).isZero();
        Path out = sweep.resolve("probes/layer-ratios");
        JsonObject json = json(out.resolve("layer-ratios.json"));
        assertThat(json.get("layer").getAsInt()).as("the last of 2 layers").isEqualTo(1);
        assertThat(json.get("sequences").getAsInt()).isEqualTo(20);
        for (String part : List.of("attention", "feed_forward")) {
            JsonObject s = json.getAsJsonObject(part);
            assertThat(s.get("n_a").getAsDouble()).as("both groups read the same equations with as many runs")
                    .isEqualTo(s.get("n_b").getAsDouble()).isGreaterThan(2 * 20);
            assertThat(s.get("ks").getAsDouble()).isBetween(0.0, 1.0);
            assertThat(s.get("jsd").getAsDouble()).isBetween(0.0, Math.log(2));
            assertThat(s.get("jsd_bins").getAsInt()).isEqualTo(50);
            assertThat(s.get("wasserstein").getAsDouble()).isGreaterThanOrEqualTo(Math.abs(s.get("mean_difference").getAsDouble()) - 1e-9);
            assertThat(s.get("mean_difference").getAsDouble()).isBetween(s.get("mean_difference_lower").getAsDouble(),
                    s.get("mean_difference_upper").getAsDouble());
            assertThat(s.get("mean_difference").getAsDouble()).isCloseTo(s.get("mean_a").getAsDouble() - s.get("mean_b").getAsDouble(),
                    org.assertj.core.data.Offset.offset(1e-9));
        }
        List<String> csv = Files.readAllLines(out.resolve("layer-ratios.csv"));
        assertThat(csv.get(0)).isEqualTo("group,run,sequence,position,token,layer,log_r_attn,log_r_ffn");
        int perGroup = (int) json.getAsJsonObject("attention").get("n_a").getAsDouble();
        assertThat(csv).hasSize(1 + 2 * perGroup);
        assertThat(csv.subList(1, csv.size())).allSatisfy(line -> {
            String[] cells = line.split(",");
            assertThat(Double.parseDouble(cells[6])).isFinite();
            assertThat(Double.parseDouble(cells[7])).isFinite();
        });
        png(out.resolve("layer-ratios.png"));
        assertThat(result.out()).contains("attention.ks = ").contains("note: feed-forward, MAX − SUM: KS ");
    }

    @Test
    void learningDynamicsDrawsTheCurvesAndThePcsAtTheCheckpointsARunKept() throws IOException {
        Path run = TrainedSweep.run(2);
        Path config = PluginJars.runFile(dir, "dynamics.yaml", "probes: [{type: learning-dynamics, steps: [20, 60]}]\n");
        Cli.Result result = Cli.run("probe", run.toString(), "--config", config.toString());
        assertThat(result.code()).as(result.err()).isZero();
        Path out = run.resolve("probes/learning-dynamics");
        assertThat(result.out()).contains("note: group SUM: step 20 has no checkpoint in every run (kept: [40, 60]");
        List<String> curves = Files.readAllLines(out.resolve("learning-dynamics.csv"));
        assertThat(curves.get(0)).isEqualTo("group,run,step,metric,value");
        assertThat(curves).anySatisfy(l -> assertThat(l).startsWith("SUM," + run.getFileName() + ",20,loss,"))
                .anySatisfy(l -> assertThat(l).startsWith("SUM," + run.getFileName() + ",60,accuracy,"));
        List<String> steps = Files.readAllLines(out.resolve("embedding-steps.csv"));
        assertThat(steps.subList(1, steps.size())).hasSize(4 * 10).allSatisfy(l -> assertThat(l).startsWith("SUM,60,"));
        png(out.resolve("learning-dynamics.png"));
        png(out.resolve("embedding-steps.png"));
        assertThat(json(out.resolve("learning-dynamics.json")).getAsJsonArray("metrics").toString()).contains("\"accuracy\"");
    }

    @Test
    void attentionPatternDrawsEveryLayerAndHeadOfOneExample() throws IOException {
        Path run = TrainedSweep.run(0);
        Cli.Result result = Cli.run("probe", run.toString(), "--probe", "attention-pattern");
        assertThat(result.code()).as(result.err()).isZero();
        Path out = run.resolve("probes/attention-pattern");
        String id = run.getFileName().toString();
        png(out.resolve("attention-" + id + ".png"));
        JsonObject r = json(out.resolve("attention-pattern.json")).getAsJsonObject("runs").getAsJsonObject(id);
        int tokens = r.getAsJsonArray("tokens").size();
        var layers = r.getAsJsonArray("weights");
        assertThat(layers).hasSize(2);
        for (var layer : layers) {
            var head = layer.getAsJsonArray().get(0).getAsJsonArray();
            assertThat(head).hasSize(tokens);
            for (int q = 0; q < tokens; q++) {
                var row = head.get(q).getAsJsonArray();
                double sum = 0;
                for (int k = 0; k < tokens; k++) {
                    double w = row.get(k).getAsDouble();
                    if (k > q) {
                        assertThat(w).as("causal: no weight on later tokens").isEqualTo(0.0);
                    }
                    sum += w;
                }
                assertThat(sum).as("softmax row").isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            }
        }
        assertThat(r.get("text").getAsString()).startsWith("s(+");
    }

    @Test
    void analyzeRunsTheSweepsProbesAndShowsThemInTheReport() throws IOException {
        Path sweep = TrainedSweep.directory();
        Cli.Result result = Cli.run("analyze", sweep.toString());
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("probe embedding-pca -> ").contains("probe layer-ratios -> ");
        String report = Files.readString(sweep.resolve("analysis/report.html"));
        assertThat(report).contains("Probes").contains("embedding-pca: embedding-pca.png").contains("layer-ratios: layer-ratios.png")
                .contains("shown instead: the best 2 of 2 runs");
    }

    @Test
    void badProbeConfigsAreNamedByFileLineAndKey() {
        Path config = PluginJars.runFile(dir, "bad.yaml", """
                probes:
                  - {type: embedding-pca, components: 1, groups: [{mixture: SUM, min_acuracy: 0.9}]}
                  - {type: layer-ratio}
                  - {type: layer-ratios, a: {mixture: SUM}}
                """);
        Cli.Result result = Cli.run("probe", TrainedSweep.directory().toString(), "--config", config.toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains(config + ":2:39: probes[0].components: expected an integer from 2 to 64, found '1'")
                .contains(config + ":2:66: probes[0].groups[0].min_acuracy: expected one of the keys mixture, labels, min_accuracy, "
                        + "metric, fallback_best, name, found 'min_acuracy' (did you mean 'min_accuracy'?)")
                .contains(config + ":3:6: probes[1].type: expected one of the probe plugins")
                .contains("found 'layer-ratio' (did you mean 'layer-ratios'?)")
                .contains("probes[2].b: expected both groups a and b");
    }

    @Test
    void badCommandLinesAndProbesThatCannotWorkOnTheRunsSayWhy() {
        Path run = TrainedSweep.run(0);
        Cli.Result typo = Cli.run("probe", run.toString(), "--probe", "embeding-pca");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).contains("--probe embeding-pca: expected one of the probe plugins").contains("(did you mean 'embedding-pca'?)");

        Cli.Result none = Cli.run("probe", run.toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("no probes to run: the run's probes lists none; name one with --probe NAME");

        Cli.Result oneGroup = Cli.run("probe", run.toString(), "--probe", "layer-ratios");
        assertThat(oneGroup.code()).isEqualTo(2);
        assertThat(oneGroup.out()).contains("probe layer-ratios: FAILED: layer-ratios: the runs have 1 mixture(s) (MAX); name the "
                + "two groups to compare with keys a and b");

        Cli.Result notARun = Cli.run("probe", dir.toString(), "--probe", "embedding-pca");
        assertThat(notARun.code()).isEqualTo(2);
        assertThat(notARun.err()).contains("is neither a run directory (no config.yaml) nor a sweep directory (no index.json)");
    }

    @Test
    void aRunFilesProbesRunWhenTheRunEnds() throws IOException {
        Path file = PluginJars.runFile(dir, "run.yaml", """
                task: {type: listops, operators: [MAX], depth: 1, context: 16, excluded: 200,
                       train_size: 400, test_size: 50, eval_size: 50}
                model: {type: gpt, d: 16, layers: 1}
                training: {steps: 20, eval_every: 20, lr: 3.0e-3, warmup: 5}
                runtime: {output: %s, threads: 1, checkpoint_every: 20}
                probes: [{type: embedding-pca}, {type: attention-pattern}]
                """.formatted(dir.resolve("runs")));
        Cli.Result result = Cli.run("run", file.toString());
        assertThat(result.code()).as(result.err()).isZero();
        try (var runs = Files.list(dir.resolve("runs"))) {
            Path run = runs.findFirst().orElseThrow();
            assertThat(result.out()).contains("probe embedding-pca -> " + run.resolve("probes/embedding-pca"));
            png(run.resolve("probes/embedding-pca/embedding-pca.png"));
            assertThat(run.resolve("probes/attention-pattern/attention-pattern.json")).isRegularFile();
        }
    }
}
