package org.threshold.models.gpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigException;
import org.threshold.api.config.ConfigProblem;
import org.threshold.api.model.ModelShape;
import org.threshold.models.safetensors.NamedTensor;
import org.threshold.models.safetensors.Safetensors;

/** {@code model.weights} and the export (SPEC 5b): nanoGPT's state_dict as safetensors, in and out. */
class StartingWeightsTest {

    private static final ModelShape SHAPE = new ModelShape(11, 8);
    private static NDManager manager;

    @TempDir
    Path dir;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static float[] logits(Gpt model, int[][] tokens) {
        try (NDManager m = manager.newSubManager()) {
            NDArray ids = GptForwardTest.ids(m, tokens);
            return model.block().forward(new ParameterStore(m, false), new NDList(ids), false).singletonOrThrow().toFloatArray();
        }
    }

    @Test
    void anExportedModelLoadedIntoAFreshOneGivesTheSameLogitsBitForBit() throws IOException {
        GptConfig config = new GptConfig(Variant.STANDARD, 8, 2, 2, 0);
        Gpt trained = new Gpt(config, SHAPE);
        trained.initialize(manager, GptForwardTest.scrambled(trained.layout(), 5));
        Path file = dir.resolve("model.safetensors");
        int written = trained.weightsExport().orElseThrow().writeSafetensors(file);
        assertThat(written).isEqualTo(trained.layout().tensors().size());
        assertThat(Safetensors.read(file)).extracting(NamedTensor::name).startsWith("transformer.wte.weight",
                "transformer.wpe.weight", "transformer.h.0.ln_1.weight", "transformer.h.0.ln_1.bias",
                "transformer.h.0.attn.c_attn.weight", "transformer.h.0.attn.c_attn.bias").endsWith("lm_head.weight");

        Gpt fresh = new Gpt(config.withWeights(StartingWeights.of(file)), SHAPE);
        fresh.initialize(manager, 99); // the seed no longer decides the weights
        int[][] tokens = GptForwardTest.randomTokens(3, 8, 11, 2);
        assertThat(fresh.block().weights().toFloatArray()).isEqualTo(trained.block().weights().toFloatArray());
        assertThat(logits(fresh, tokens)).isEqualTo(logits(trained, tokens));
    }

    @Test
    void exportedTensorsHaveNanoGptsShapesLinearWeightsOutByIn() throws IOException {
        Gpt model = new Gpt(GptConfig.standard(4, 1).withHeads(1, 2), SHAPE);
        model.initialize(manager, 1);
        Path file = dir.resolve("shapes.safetensors");
        model.weightsExport().orElseThrow().writeSafetensors(file);
        Map<String, NamedTensor> t = Safetensors.byName(Safetensors.read(file));
        assertThat(t.get("transformer.wte.weight").shape()).containsExactly(11L, 4L);
        assertThat(t.get("transformer.wpe.weight").shape()).containsExactly(8L, 4L);
        assertThat(t.get("transformer.h.0.attn.c_attn.weight").shape()).containsExactly(6L, 4L); // nn.Linear(4, 3·2)
        assertThat(t.get("transformer.h.0.attn.c_proj.weight").shape()).containsExactly(4L, 2L);
        assertThat(t.get("transformer.h.0.mlp.c_fc.weight").shape()).containsExactly(16L, 4L);
        assertThat(t.get("transformer.h.0.mlp.c_proj.weight").shape()).containsExactly(4L, 16L);
        assertThat(t.get("transformer.ln_f.weight").shape()).containsExactly(4L);
        assertThat(t.get("lm_head.weight").shape()).containsExactly(11L, 4L);
    }

    /**
     * d = 1, one head of size 1, no positions, no norms, no biases, no MLP: x = wte[token];
     * q = 0 makes the attention uniform over the prefix, v = x, so y_t = mean(x_0..x_t); the
     * block adds c_proj · y; the head multiplies by lm_head.
     */
    @Test
    void handSetWeightsGiveTheLogitsAHandComputationSays() throws IOException {
        Path file = dir.resolve("hand.safetensors");
        Safetensors.write(file, List.of(
                new NamedTensor("transformer.wte.weight", List.of(3L, 1L), new float[] {1f, 2f, 0.5f}),
                new NamedTensor("transformer.h.0.attn.c_attn.weight", List.of(3L, 1L), new float[] {0f, 0f, 1f}),
                new NamedTensor("transformer.h.0.attn.c_proj.weight", List.of(1L, 1L), new float[] {2f}),
                new NamedTensor("lm_head.weight", List.of(3L, 1L), new float[] {1f, -1f, 0.5f})), Map.of());
        GptConfig config = GptConfig.standard(1, 1).withPositions(Positions.NONE).withMlpRatio(0).withNorm(Norm.NONE)
                .withBias(false).withWeights(StartingWeights.of(file));
        Gpt model = new Gpt(config, new ModelShape(3, 4));
        model.initialize(manager, 1);
        // tokens 0, 1, 2: x = 1, 2, 0.5; y = 1, 1.5, 7/6; x + 2y = 3, 5, 0.5 + 7/3 = 17/6
        float[] logits = logits(model, new int[][] {{0, 1, 2}});
        float last = (float) (17.0 / 6);
        assertThat(logits).containsExactly(new float[] {3f, -3f, 1.5f, 5f, -5f, 2.5f, last, -last, last / 2},
                offset(1e-6f));
    }

    private Path configFile(String weights) throws IOException {
        Path config = dir.resolve("run.yaml");
        Files.writeString(config, "d: 4\nlayers: 1\nheads: 1\nhead_dim: 2\nweights: " + weights + "\n");
        return config;
    }

    private static List<String> problemsOfCreating(Path config) {
        ConfigDocument doc = ConfigDocument.read(config);
        GptConfig bound = new GptProvider().config(doc.root());
        doc.finish();
        assertThat(doc.problems()).isEmpty();
        try {
            new GptProvider().create(bound, SHAPE);
        } catch (ConfigException e) {
            return e.problems().stream().map(ConfigProblem::toString).toList();
        }
        return List.of();
    }

    @Test
    void aTensorOfAnotherShapeIsAProblemAtTheKeyWithBothShapes() throws IOException {
        Gpt other = new Gpt(GptConfig.standard(4, 1).withHeads(1, 1), SHAPE); // c_attn (3, 4) and its bias (3), c_proj (4, 1)
        other.initialize(manager, 1);
        Path file = dir.resolve("other.safetensors");
        other.weightsExport().orElseThrow().writeSafetensors(file);
        Path config = configFile("other.safetensors");
        assertThat(problemsOfCreating(config)).containsExactly(
                config + ":5:1: weights: transformer.h.0.attn.c_attn.weight: expected shape [6, 4], found [3, 4] in " + file,
                config + ":5:1: weights: transformer.h.0.attn.c_attn.bias: expected shape [6], found [3] in " + file,
                config + ":5:1: weights: transformer.h.0.attn.c_proj.weight: expected shape [4, 2], found [4, 1] in " + file);
    }

    @Test
    void aMissingOrUnexpectedTensorIsAProblemNamingIt() throws IOException {
        Gpt tied = new Gpt(GptConfig.standard(4, 1).withHeads(1, 2).withTiedEmbeddings(true).withPositions(Positions.ROTARY),
                SHAPE);
        tied.initialize(manager, 1);
        Path file = dir.resolve("tied.safetensors");
        tied.weightsExport().orElseThrow().writeSafetensors(file);
        List<NamedTensor> tensors = new ArrayList<>(Safetensors.read(file));
        tensors.add(new NamedTensor("transformer.h.0.attn.bias", List.of(1L), new float[] {0f}));
        Safetensors.write(file, tensors, Map.of());
        Path config = configFile("tied.safetensors");
        assertThat(problemsOfCreating(config)).containsExactly(
                config + ":5:1: weights: transformer.wpe.weight: expected shape [8, 4], found no such tensor in " + file,
                config + ":5:1: weights: lm_head.weight: expected shape [11, 4], found no such tensor in " + file,
                config + ":5:1: weights: transformer.h.0.attn.bias: found a tensor of shape [1] in " + file
                        + " that this model does not have (it has transformer.wte.weight, transformer.wpe.weight, "
                        + "transformer.h.0.ln_1.weight, transformer.h.0.ln_1.bias, transformer.h.0.attn.c_attn.weight, "
                        + "transformer.h.0.attn.c_attn.bias, transformer.h.0.attn.c_proj.weight, "
                        + "transformer.h.0.attn.c_proj.bias, transformer.h.0.ln_2.weight, transformer.h.0.ln_2.bias, "
                        + "transformer.h.0.mlp.c_fc.weight, transformer.h.0.mlp.c_fc.bias, transformer.h.0.mlp.c_proj.weight, "
                        + "transformer.h.0.mlp.c_proj.bias, transformer.ln_f.weight, transformer.ln_f.bias, lm_head.weight)");
    }

    @Test
    void aFileThatIsNotSafetensorsIsAProblemAtTheKey() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "not weights at all");
        Path config = configFile("notes.txt");
        assertThat(problemsOfCreating(config)).singleElement().asString()
                .startsWith(config + ":5:1: weights: " + dir.resolve("notes.txt") + " is not a safetensors file");
    }
}
