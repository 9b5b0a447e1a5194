package org.threshold.models.gpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threshold.api.model.LayerActivations;
import org.threshold.api.model.ModelShape;

class ActivationCaptureTest {

    private static final ModelShape SHAPE = new ModelShape(9, 12);

    private static void assertClose(NDArray actual, NDArray expected) {
        float[] a = actual.toFloatArray();
        float[] e = expected.toFloatArray();
        assertThat(a).hasSameSizeAs(e);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isCloseTo(e[i], within(1e-5f));
        }
    }

    private static void assertCapturesTheBlocksOfTheForwardPass(GptConfig config) {
        Gpt model = new Gpt(config, SHAPE);
        try (NDManager manager = NDManager.newBaseManager()) {
            model.initialize(manager, GptForwardTest.scrambled(model.layout(), 4));
            NDArray tokens = GptForwardTest.ids(manager, GptForwardTest.randomTokens(2, 7, SHAPE.vocabularySize(), 8));
            List<LayerActivations> layers = model.activations().orElseThrow().capture(tokens);

            assertThat(layers).extracting(LayerActivations::layer).containsExactly(0, 1, 2);
            for (LayerActivations a : layers) {
                assertThat(a.input().getShape()).isEqualTo(new Shape(2, 7, config.d()));
                assertThat(a.attentionWeights().getShape()).isEqualTo(new Shape(2, config.heads(), 7, 7));
                // x1 = x + SA(LN1(x))
                assertClose(a.afterAttention(), a.input().add(a.attention()));
                // attention weights: rows sum to one, nothing above the diagonal
                assertClose(a.attentionWeights().sum(new int[] {3}), manager.ones(new Shape(2, config.heads(), 7)));
                float[] w = a.attentionWeights().toFloatArray();
                for (int i = 0; i < w.length; i++) {
                    int query = i / 7 % 7;
                    int key = i % 7;
                    if (key > query) {
                        assertThat(w[i]).isZero();
                    }
                }
            }
            // the next block starts from x1 + FFN(LN2(x1))
            for (int l = 0; l + 1 < layers.size(); l++) {
                assertClose(layers.get(l + 1).input(), layers.get(l).afterAttention().add(layers.get(l).feedForward()));
            }
            // and the captured pass is the pass that training runs: the first block's input is the embedding
            NDArray flat = manager.create(GptForwardTest.scrambled(model.layout(), 4));
            GptWeights weights = model.layout().views(flat, flat);
            NDArray embedded = weights.tokenEmbedding().get(tokens).add(weights.positionEmbedding().get("0:7"));
            assertClose(layers.get(0).input(), embedded);
            assertThat(layers.get(0).input().getManager()).isSameAs(tokens.getManager());
            NDArray logits = model.block().forward(new ParameterStore(manager, false), new NDList(tokens), false).singletonOrThrow();
            assertThat(logits.getShape()).isEqualTo(new Shape(2, 7, SHAPE.vocabularySize()));
        }
    }

    @Test
    void captureRecordsEveryBlockOfAStandardModel() {
        assertCapturesTheBlocksOfTheForwardPass(new GptConfig(Variant.STANDARD, 8, 3, 2, 0));
    }

    @Test
    void captureRecordsEveryApplicationOfTheRecurrentBlock() {
        assertCapturesTheBlocksOfTheForwardPass(new GptConfig(Variant.RECURRENT, 8, 3, 1, 0));
    }

    @Test
    void captureLeavesNothingBehindOnTheWeightsManager() {
        Gpt model = new Gpt(GptConfig.standard(8, 2), SHAPE);
        int[][] ids = GptForwardTest.randomTokens(2, 5, SHAPE.vocabularySize(), 1);
        try (NDManager manager = NDManager.newBaseManager()) {
            model.initialize(manager, 1);
            try (NDManager data = manager.newSubManager()) {
                model.activations().orElseThrow().capture(GptForwardTest.ids(data, ids)); // makes the causal mask for 5 tokens, once
            }
            int before = manager.getManagedArrays().size();
            try (NDManager data = manager.newSubManager()) {
                NDArray tokens = GptForwardTest.ids(data, ids);
                for (int i = 0; i < 3; i++) {
                    model.activations().orElseThrow().capture(tokens);
                }
                assertThat(data.getManagedArrays()).hasSize(1 + 3 * 2 * 5); // the tokens and what was captured
            }
            assertThat(manager.getManagedArrays()).hasSize(before);
        }
    }
}
