package org.threshold.app.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.app.fixtures.Cli;
import org.threshold.app.fixtures.PluginJars;

/**
 * {@code threshold probe RUN --probe component-reuse} (SPEC section 8) on a tiny assign-add run
 * trained here (2 layers, one head, an MLP in the second block only): the first block's zero MLP
 * output is reported as no MLP, the second is measured on all n² sums through the model's real
 * hooks, and the probe's unpatched direct accuracy is the run's own {@code accuracy.direct}; what
 * the MLP learned moves patched answers to the donor's sum. A run of another task is refused.
 */
class ComponentReuseProbeTest {

    @TempDir
    Path dir;

    private static JsonObject json(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    private Path train(String name, String task, String model, int steps) {
        Path file = PluginJars.runFile(dir, name + ".yaml", """
                name: %s
                task: %s
                model: %s
                training: {steps: %d, eval_every: %d, lr: 3.0e-3, warmup: 20, early_stopping: {enabled: false}}
                runtime: {output: %s, threads: 1, checkpoint_every: %d}
                """.formatted(name, task, model, steps, steps, dir.resolve("runs-" + name), steps));
        Cli.Result run = Cli.run("run", file.toString());
        assertThat(run.code()).as(run.err()).isZero();
        String line = run.outLines().stream().filter(l -> l.startsWith("run directory: ")).findFirst().orElseThrow();
        return Path.of(line.substring("run directory: ".length()));
    }

    @Test
    void anAssignAddRunIsMeasuredPerMlpLayerThroughItsHooks() throws IOException {
        Path run = train("reuse", "{type: assign-add, modulus: 5, variables: 4, train_size: 150, eval_size: 20}",
                "{type: gpt, d: 32, layers: 2, heads: 1, mlp_layers: [1]}", 400);
        Cli.Result result = Cli.run("probe", run.toString(), "--probe", "component-reuse");
        assertThat(result.code()).as(result.out() + result.err()).isZero();
        Path out = run.resolve("probes/component-reuse");
        assertThat(result.out()).contains("probe component-reuse -> " + out)
                .contains("note: run " + run.getFileName() + ": layers [0] have no MLP");
        JsonObject all = json(out.resolve("component-reuse.json"));
        JsonObject r = all.getAsJsonObject("runs").getAsJsonObject(run.getFileName().toString());
        assertThat(r.get("pairs").getAsInt()).isEqualTo(25);
        assertThat(r.get("all_pairs").getAsBoolean()).isTrue();
        assertThat(r.get("chance").getAsDouble()).isEqualTo(0.2);
        assertThat(r.getAsJsonObject("example").get("direct").getAsString()).isEqualTo("s0+0=");
        assertThat(r.getAsJsonObject("example").get("routed").getAsString()).as("a holds out 0, so b and c bind it")
                .isEqualTo("sb=0,c=0;b+c=");
        assertThat(r.getAsJsonArray("layers_without_mlp").toString()).isEqualTo("[0]");

        // the direct prompts are the direct test set, so the unpatched answers score what training's last evaluation scored
        JsonObject metrics = json(run.resolve("result.json")).getAsJsonObject("metrics");
        assertThat(r.get("direct_accuracy").getAsDouble()).isEqualTo(metrics.get("accuracy.direct").getAsDouble());

        JsonArray layers = r.getAsJsonArray("layers");
        assertThat(layers).hasSize(1);
        JsonObject layer = layers.get(0).getAsJsonObject();
        assertThat(layer.get("hook").getAsString()).isEqualTo("blocks.1.hook_mlp_out");
        for (String key : new String[] {"cosine_same", "cosine_control"}) {
            JsonObject spread = layer.getAsJsonObject(key);
            assertThat(spread.get("count").getAsInt()).isEqualTo(25);
            assertThat(spread.get("mean").getAsDouble()).isBetween(-1.0, 1.0)
                    .isBetween(spread.get("min").getAsDouble(), spread.get("max").getAsDouble());
        }
        JsonObject patch = layer.getAsJsonObject("patching");
        double donor = patch.get("donor").getAsDouble();
        double original = patch.get("original").getAsDouble();
        double neither = patch.get("neither").getAsDouble();
        assertThat(donor + original + neither).isCloseTo(1.0, within(1e-9));
        assertThat(donor * 25).as("a share of 25 answers").isCloseTo(Math.rint(donor * 25), within(1e-9));
        List<String> csv = Files.readAllLines(out.resolve("component-reuse.csv"));
        assertThat(csv.get(0)).isEqualTo("run,layer,x,y,donor_x,donor_y,sum,donor_sum,cosine_same,cosine_control,patched_answer");
        assertThat(csv).as("one row per pair of the one MLP layer").hasSize(1 + 25);
        long donorRows = csv.stream().skip(1).map(line -> line.split(",")).filter(c -> c[10].equals(c[7])).count();
        assertThat(donorRows).as("the CSV's rows give the JSON's donor share").isEqualTo(Math.round(donor * 25));
        assertThat(ImageIO.read(out.resolve("component-reuse-" + run.getFileName() + ".png").toFile())).isNotNull();
        // 400 steps on CPU (deterministic for the seed) give direct accuracy 0.92: the second block's MLP carries the sum,
        // so another sum's MLP output moves the routed answer to that sum far above chance, and the same sum's outputs align
        assertThat(donor).as("patched answers that follow the donor").isGreaterThan(2 * r.get("chance").getAsDouble());
        assertThat(layer.getAsJsonObject("cosine_same").get("mean").getAsDouble())
                .isGreaterThan(layer.getAsJsonObject("cosine_control").get("mean").getAsDouble());
    }

    @Test
    void aRunOfAnotherTaskIsRefusedWithExitCode2() {
        Path run = train("other", "{type: addition, digits: 2, eval_size: 20}", "{type: gpt, d: 8, layers: 1}", 10);
        Cli.Result result = Cli.run("probe", run.toString(), "--probe", "component-reuse");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.out()).contains("probe component-reuse: FAILED: component-reuse: run " + run.getFileName()
                + " is not an assign-add run").contains("probe runs of task type assign-add");
    }

    @Test
    void thePluginsCommandListsTheProbe() {
        assertThat(Cli.run("plugins").out()).contains("component-reuse");
    }
}
