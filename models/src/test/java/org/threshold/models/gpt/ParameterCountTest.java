package org.threshold.models.gpt;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.threshold.api.model.ModelProvider;
import org.threshold.api.model.ModelShape;

class ParameterCountTest {

    /** peer_gpt.py's vocabulary and context: its README's table of parameter counts uses them. */
    private static final ModelShape PEER = new ModelShape(24, 64);

    /** Written out by hand from SPEC section 5, piece by piece. */
    private static long handCount(int v, int t, int d, int distinctBlocks) {
        long embeddings = (long) v * d + (long) t * d;
        long attention = (3L * d * d + 3L * d) + ((long) d * d + d);
        long feedForward = (4L * d * d + 4L * d) + (4L * d * d + d);
        long norms = 2L * (2L * d);
        long finalNorm = 2L * d;
        long head = (long) v * d;
        return embeddings + distinctBlocks * (attention + feedForward + norms) + finalNorm + head;
    }

    @ParameterizedTest(name = "d={0} layers={1}: {2}")
    @CsvSource({"32, 2, 29056", "64, 3, 157248", "128, 3, 609408", "256, 4, 3188224"})
    void parameterCountMatchesTheReferenceTableAndTheHandFormula(int d, int layers, long expected) {
        GptConfig config = GptConfig.standard(d, layers);
        assertThat(ParameterLayout.count(config, PEER)).isEqualTo(expected).isEqualTo(handCount(24, 64, d, layers));
        assertThat(new Gpt(config, PEER).parameterCount()).isEqualTo(expected);
        assertThat(ParameterLayout.of(config, PEER).tensors().stream().mapToLong(ParameterTensor::size).sum())
                .isEqualTo(expected);
    }

    @Test
    void builtModelHasExactlyTheCountedParameters() {
        Gpt model = new Gpt(new GptConfig(Variant.STANDARD, 12, 3, 3, 0), new ModelShape(21, 40));
        try (NDManager manager = NDManager.newBaseManager()) {
            model.initialize(manager, 1);
            long trainable = model.block().getParameters().values().stream()
                    .mapToLong(p -> p.getArray().size()).sum();
            assertThat(trainable).isEqualTo(model.parameterCount()).isEqualTo(handCount(21, 40, 12, 3));
        }
    }

    @Test
    void recurrentModelCountsOneBlockWhateverItsDepth() {
        for (int layers = 1; layers <= 6; layers++) {
            assertThat(ParameterLayout.count(GptConfig.recurrent(32, layers), PEER))
                    .isEqualTo(handCount(24, 64, 32, 1))
                    .isEqualTo(ParameterLayout.count(GptConfig.standard(32, 1), PEER));
        }
    }

    @Test
    void recurrentModelAppliesTheSameParameterArraysAtEveryLayer() {
        ParameterLayout layout = ParameterLayout.of(GptConfig.recurrent(8, 4), new ModelShape(10, 12));
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray flat = manager.create(layout.initialValues(1));
            GptWeights weights = layout.views(flat, flat);
            assertThat(weights.blocks()).hasSize(4);
            for (BlockWeights block : weights.blocks()) {
                assertThat(block).isSameAs(weights.blocks().get(0));
            }
            assertThat(layout.tensors()).extracting(ParameterTensor::name).filteredOn(n -> n.matches("transformer\\.h\\.\\d+\\..*"))
                    .allMatch(n -> n.startsWith("transformer.h.0."));
        }
        ParameterLayout standard = ParameterLayout.of(GptConfig.standard(8, 4), new ModelShape(10, 12));
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray flat = manager.create(standard.initialValues(1));
            GptWeights weights = standard.views(flat, flat);
            assertThat(weights.blocks()).doesNotHaveDuplicates();
        }
    }

    // SPEC section 5b: each option changes the count by a formula written out here from V, T, d,
    // the layers and the option's own numbers; the layout, the built model and the provider agree.

    private static final int V = 14;
    private static final int T = 20;

    private static void assertCount(GptConfig config, long expected) {
        ModelShape shape = new ModelShape(V, T);
        assertThat(ParameterLayout.count(config, shape)).as("layout of %s", config).isEqualTo(expected);
        assertThat(new GptProvider().parameterCount(config, shape)).isEqualTo(expected);
        assertThat(new GptProvider().uniqueParameterCount(config, shape)).as("unique, planned").isEqualTo(expected);
        Gpt model = new Gpt(config, shape);
        try (NDManager manager = NDManager.newBaseManager()) {
            model.initialize(manager, 3);
            assertThat(model.block().getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum())
                    .as("built %s", config).isEqualTo(expected);
            assertThat(model.parameterCount()).isEqualTo(expected);
            assertThat(model.uniqueParameterCount()).as("unique, built").isEqualTo(expected);
        }
    }

    /**
     * SPEC section 9's count: the layout holds a tied matrix once and fixed encodings not at all,
     * so the unique count is the plain one, and tying takes exactly the head's V·d off both.
     */
    @Test
    void theUniqueCountTakesATiedMatrixOnceAndFixedEncodingsAsZero() {
        ModelShape shape = new ModelShape(V, T);
        GptProvider gpt = new GptProvider();
        for (GptConfig untied : List.of(GptConfig.standard(8, 2), GptConfig.recurrent(8, 3),
                GptConfig.standard(3, 1).withHeads(1, 2).withBias(false).withNorm(Norm.RMS).withMlpRatio(2))) {
            GptConfig tied = untied.withTiedEmbeddings(true);
            assertThat(gpt.uniqueParameterCount(tied, shape)).as("tied %s", untied)
                    .isEqualTo(gpt.uniqueParameterCount(untied, shape) - (long) V * untied.d())
                    .isEqualTo(gpt.parameterCount(tied, shape));
            for (Positions fixed : List.of(Positions.SINUSOIDAL, Positions.ROTARY)) {
                assertThat(gpt.uniqueParameterCount(tied.withPositions(fixed), shape)).as("%s %s", fixed, tied)
                        .isEqualTo(gpt.uniqueParameterCount(tied, shape) - (long) T * untied.d());
            }
        }
    }

    @Test
    void sinusoidalRotaryAndNoPositionsHaveNoPositionTable() {
        int d = 8;
        for (Positions fixed : List.of(Positions.SINUSOIDAL, Positions.ROTARY, Positions.NONE)) {
            assertCount(GptConfig.standard(d, 2).withPositions(fixed), handCount(V, T, d, 2) - (long) T * d);
        }
        assertCount(GptConfig.standard(d, 2).withPositions(Positions.LEARNED), handCount(V, T, d, 2));
    }

    @Test
    void tiedEmbeddingsDropTheHeadMatrix() {
        int d = 8;
        assertCount(GptConfig.standard(d, 3).withTiedEmbeddings(true), handCount(V, T, d, 3) - (long) V * d);
        assertCount(GptConfig.recurrent(d, 3).withTiedEmbeddings(true), handCount(V, T, d, 1) - (long) V * d);
    }

    @Test
    void withoutBiasesTheLinearLayersAndLayerNormsLoseTheirs() {
        int d = 8;
        int layers = 2;
        // per block: qkv 3d, projection d, fc 4d, fc2 d, two LayerNorms 2d; the final LayerNorm d
        long biases = layers * (3L * d + d + 4L * d + d + 2L * d) + d;
        assertCount(GptConfig.standard(d, layers).withBias(false), handCount(V, T, d, layers) - biases);
    }

    @Test
    void theMlpRatioSetsTheHiddenWidthAndZeroRemovesMlpAndItsNorm() {
        int d = 6;
        int layers = 2;
        long embeddings = (long) V * d + (long) T * d;
        long attention = 3L * d * d + 3L * d + (long) d * d + d;
        long norm = 2L * d;
        long head = (long) V * d;
        for (int ratio : new int[] {1, 2, 3, 8}) {
            long mlp = ((long) ratio * d * d + (long) ratio * d) + ((long) d * ratio * d + d);
            assertCount(GptConfig.standard(d, layers).withMlpRatio(ratio),
                    embeddings + layers * (norm + attention + norm + mlp) + norm + head);
        }
        assertCount(GptConfig.standard(d, layers).withMlpRatio(0), embeddings + layers * (norm + attention) + norm + head);
    }

    @Test
    void onlyTheListedBlocksHoldAnMlpAndItsNorm() {
        int d = 6;
        long mlpAndNorm = (4L * d * d + 4L * d) + (4L * d * d + d) + 2L * d;
        // the assign-add study's model: two blocks, an MLP in the second only
        assertCount(GptConfig.standard(d, 2).withMlpLayers(List.of(1)), handCount(V, T, d, 2) - mlpAndNorm);
        assertCount(GptConfig.standard(d, 3).withMlpLayers(List.of()), handCount(V, T, d, 3) - 3 * mlpAndNorm);
        assertCount(GptConfig.standard(d, 3).withMlpLayers(List.of(0, 2)), handCount(V, T, d, 3) - mlpAndNorm);
        // a recurrent model's one block has an MLP when any application runs it
        assertCount(GptConfig.recurrent(d, 3).withMlpLayers(List.of(2)), handCount(V, T, d, 1));
        assertCount(GptConfig.recurrent(d, 3).withMlpLayers(List.of()), handCount(V, T, d, 1) - mlpAndNorm);
    }

    @Test
    void aWidthFromOneUp() {
        for (int d = 1; d <= 5; d++) {
            assertCount(GptConfig.standard(d, 1), handCount(V, T, d, 1));
        }
    }

    @Test
    void theHeadSizeSetsTheAttentionsWidthApartFromDAndHeads() {
        int d = 6;
        long embeddings = (long) V * d + (long) T * d;
        long mlp = (4L * d * d + 4L * d) + (4L * d * d + d);
        long norms = 2L * (2L * d);
        for (int[] hw : new int[][] {{1, 2}, {2, 4}, {3, 1}, {4, 5}}) {
            long w = (long) hw[0] * hw[1]; // heads · head size
            long attention = (3L * w * d + 3L * w) + ((long) d * w + d);
            assertCount(GptConfig.standard(d, 2).withHeads(hw[0], hw[1]),
                    embeddings + 2 * (attention + mlp + norms) + 2L * d + (long) V * d);
        }
        // with head_dim at d / heads, heads alone change nothing
        assertCount(GptConfig.standard(d, 2).withHeads(3, 2), handCount(V, T, d, 2));
    }

    @Test
    void rmsNormHasAGainOnlyAndNoNormNothing() {
        int d = 8;
        int layers = 2;
        long layerNormBiases = layers * 2L * d + d;
        assertCount(GptConfig.standard(d, layers).withNorm(Norm.RMS), handCount(V, T, d, layers) - layerNormBiases);
        assertCount(GptConfig.standard(d, layers).withNorm(Norm.NONE), handCount(V, T, d, layers) - 2 * layerNormBiases);
    }

    @Test
    void anAdderBoardSizedModelCountsByHand() {
        // d = 3, one layer, one head of size 2, rotary, tied, no biases, RMSNorm, MLP of width 2d
        int d = 3;
        int w = 2;
        int hidden = 2 * d;
        long expected = (long) V * d                     // token embedding = head
                + d + 3L * w * d + (long) d * w          // ln_1 gain, c_attn, c_proj
                + d + (long) hidden * d + (long) d * hidden // ln_2 gain, c_fc, c_proj
                + d;                                     // ln_f gain
        assertCount(GptConfig.standard(d, 1).withHeads(1, w).withPositions(Positions.ROTARY).withTiedEmbeddings(true)
                .withBias(false).withNorm(Norm.RMS).withMlpRatio(2), expected);
        assertThat(expected).isEqualTo(42 + 3 + 18 + 6 + 3 + 18 + 18 + 3);
    }

    @Test
    void providerIsDiscoveredAsGptAndCountsWithoutBuilding() {
        ModelProvider<?> provider = ServiceLoader.load(ModelProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("gpt")).findFirst().orElseThrow();
        assertThat(provider).isInstanceOf(GptProvider.class);
        GptProvider gpt = (GptProvider) provider;
        assertThat(gpt.parameterCount(GptConfig.standard(64, 3), PEER)).isEqualTo(157_248);
        assertThat(gpt.create(GptConfig.recurrent(16, 3), PEER).parameterCount())
                .isEqualTo(gpt.parameterCount(GptConfig.recurrent(16, 3), PEER));
    }
}
