package org.threshold.models.gpt;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
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
            assertThat(layout.tensors()).extracting(ParameterTensor::name).filteredOn(n -> n.matches("h\\d+\\..*"))
                    .allMatch(n -> n.startsWith("h0."));
        }
        ParameterLayout standard = ParameterLayout.of(GptConfig.standard(8, 4), new ModelShape(10, 12));
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray flat = manager.create(standard.initialValues(1));
            GptWeights weights = standard.views(flat, flat);
            assertThat(weights.blocks()).doesNotHaveDuplicates();
        }
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
