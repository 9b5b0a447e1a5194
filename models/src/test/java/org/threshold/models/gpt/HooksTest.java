package org.threshold.models.gpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threshold.api.model.ActivationRun;
import org.threshold.api.model.HookPoint;
import org.threshold.api.model.Hooks;
import org.threshold.api.model.LayerActivations;
import org.threshold.api.model.ModelShape;

class HooksTest {

    private static final ModelShape SHAPE = new ModelShape(9, 12);

    private static void assertClose(NDArray actual, NDArray expected) {
        float[] a = actual.toFloatArray();
        float[] e = expected.toFloatArray();
        assertThat(a).hasSameSizeAs(e);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isCloseTo(e[i], within(1e-5f));
        }
    }

    private static NDArray logits(Gpt model, NDManager manager, NDArray tokens) {
        return model.block().forward(new ParameterStore(manager, false), new NDList(tokens), false).singletonOrThrow();
    }

    private static void assertViewsTheBlocksOfTheForwardPass(GptConfig config) {
        Gpt model = new Gpt(config, SHAPE);
        try (NDManager manager = NDManager.newBaseManager()) {
            model.initialize(manager, GptForwardTest.scrambled(model.layout(), 4));
            NDArray tokens = GptForwardTest.ids(manager, GptForwardTest.randomTokens(2, 7, SHAPE.vocabularySize(), 8));
            List<LayerActivations> layers = model.hooks().orElseThrow().layerActivations(tokens);

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
            // and the pass is the pass that training runs: the first block's input is the embedding
            NDArray flat = manager.create(GptForwardTest.scrambled(model.layout(), 4));
            GptWeights weights = model.layout().views(flat, flat);
            NDArray embedded = weights.tokenEmbedding().get(tokens).add(weights.positionEmbedding().get("0:7"));
            assertClose(layers.get(0).input(), embedded);
            assertThat(layers.get(0).input().getManager()).isSameAs(tokens.getManager());
            assertThat(logits(model, manager, tokens).getShape()).isEqualTo(new Shape(2, 7, SHAPE.vocabularySize()));
        }
    }

    @Test
    void layerActivationsViewEveryBlockOfAStandardModel() {
        assertViewsTheBlocksOfTheForwardPass(new GptConfig(Variant.STANDARD, 8, 3, 2, 0));
    }

    @Test
    void layerActivationsViewEveryApplicationOfTheRecurrentBlock() {
        assertViewsTheBlocksOfTheForwardPass(new GptConfig(Variant.RECURRENT, 8, 3, 1, 0));
    }

    @Test
    void hookNamesAreTransformerLensNamesInForwardOrder() {
        Hooks hooks = new Gpt(GptConfig.recurrent(8, 2), SHAPE).hooks().orElseThrow();
        assertThat(hooks.names()).containsExactly("hook_embed", "hook_pos_embed",
                "blocks.0.hook_resid_pre", "blocks.0.attn.hook_pattern", "blocks.0.hook_attn_out", "blocks.0.hook_resid_mid",
                "blocks.0.hook_mlp_out", "blocks.0.hook_resid_post",
                "blocks.1.hook_resid_pre", "blocks.1.attn.hook_pattern", "blocks.1.hook_attn_out", "blocks.1.hook_resid_mid",
                "blocks.1.hook_mlp_out", "blocks.1.hook_resid_post");
        assertThat(hooks.layerCount()).isEqualTo(2);
        assertThat(HookPoint.MLP_OUT.hookName(1)).isEqualTo("blocks.1.hook_mlp_out");
        assertThat(HookPoint.POS_EMBED.hookName()).isEqualTo("hook_pos_embed");
    }

    @Test
    void onePassCapturesTheNamedActivationsAskedForWithTheirShapesAndTheLogits() {
        Gpt model = new Gpt(new GptConfig(Variant.STANDARD, 8, 2, 2, 0), SHAPE);
        try (NDManager manager = NDManager.newBaseManager()) {
            model.initialize(manager, GptForwardTest.scrambled(model.layout(), 6));
            NDArray tokens = GptForwardTest.ids(manager, GptForwardTest.randomTokens(3, 5, SHAPE.vocabularySize(), 2));
            ActivationRun run = model.hooks().orElseThrow().capture(tokens, "blocks.1.hook_resid_mid",
                    "blocks.1.hook_resid_pre", "blocks.1.hook_attn_out", "hook_embed", "hook_pos_embed", "blocks.0.hook_resid_pre");

            // in the order the pass reached them, whatever the order asked
            assertThat(run.activations().keySet()).containsExactly("hook_embed", "hook_pos_embed", "blocks.0.hook_resid_pre",
                    "blocks.1.hook_resid_pre", "blocks.1.hook_attn_out", "blocks.1.hook_resid_mid");
            assertThat(run.activations().values()).allSatisfy(a -> assertThat(a.getShape()).isEqualTo(new Shape(3, 5, 8)));
            assertClose(run.get("blocks.1.hook_resid_mid"), run.get("blocks.1.hook_resid_pre").add(run.get("blocks.1.hook_attn_out")));
            assertClose(run.get("blocks.0.hook_resid_pre"), run.get("hook_embed").add(run.get("hook_pos_embed")));
            // the position embeddings are the same for every row
            assertClose(run.get("hook_pos_embed").get(2), run.get("hook_pos_embed").get(0));
            assertThat(run.logits().toFloatArray()).containsExactly(logits(model, manager, tokens).toFloatArray());
            assertThatThrownBy(() -> run.get("blocks.0.hook_mlp_out"))
                    .hasMessageContaining("'blocks.0.hook_mlp_out' was not captured")
                    .hasMessageContaining("captured: hook_embed, hook_pos_embed, blocks.0.hook_resid_pre");
        }
    }

    /** d = 4, one layer, one head: every weight a fixed function of its place in the flat vector. */
    private static float[] tinyWeights(ParameterLayout layout) {
        float[] values = new float[(int) layout.count()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (1.5 * Math.sin(0.37 * i + 0.5) + 0.2 * Math.cos(1.3 * i));
        }
        return values;
    }

    private static float[] flat(double[][][] logits) {
        int time = logits[0].length;
        int vocabulary = logits[0][0].length;
        float[] out = new float[logits.length * time * vocabulary];
        for (int b = 0; b < logits.length; b++) {
            for (int t = 0; t < time; t++) {
                for (int v = 0; v < vocabulary; v++) {
                    out[(b * time + t) * vocabulary + v] = (float) logits[b][t][v];
                }
            }
        }
        return out;
    }

    private static void assertLogits(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("logit %d", i).isCloseTo(expected[i], within(1e-4f));
        }
    }

    @Test
    void patchingTheMlpOutputWithAnotherPromptsGivesTheLogitsOfThePlainArithmetic() {
        ModelShape shape = new ModelShape(7, 8);
        Gpt model = new Gpt(GptConfig.standard(4, 1), shape);
        float[] parameters = tinyWeights(model.layout());
        NaiveGpt oracle = new NaiveGpt(model.layout(), parameters);
        int[][] clean = {{1, 4, 2, 6, 0}, {3, 3, 5, 1, 2}};
        int[][] corrupt = {{5, 0, 6, 2, 4}, {2, 6, 1, 0, 5}};
        String mlpOut = HookPoint.MLP_OUT.hookName(0);
        try (NDManager manager = NDManager.newBaseManager()) {
            model.initialize(manager, parameters);
            Hooks hooks = model.hooks().orElseThrow();
            NDArray donor = hooks.capture(GptForwardTest.ids(manager, corrupt), mlpOut).get(mlpOut);
            NDArray tokens = GptForwardTest.ids(manager, clean);
            float[] unpatched = hooks.run(tokens, List.of(), Map.of()).logits().toFloatArray();
            ActivationRun patched = hooks.run(tokens, List.of(mlpOut), Map.of(mlpOut, donor));

            double[][][] expectedClean = new double[clean.length][][];
            double[][][] expectedPatched = new double[clean.length][][];
            for (int b = 0; b < clean.length; b++) {
                expectedClean[b] = oracle.logits(clean[b]);
                expectedPatched[b] = oracle.logits(clean[b], Map.of(0, oracle.mlpOut(corrupt[b], 0)));
            }
            assertLogits(unpatched, flat(expectedClean));
            assertLogits(patched.logits().toFloatArray(), flat(expectedPatched));
            // the patch matters: some logit moves thousands of times the tolerance
            double largest = 0;
            float[] p = patched.logits().toFloatArray();
            for (int i = 0; i < p.length; i++) {
                largest = Math.max(largest, Math.abs(p[i] - unpatched[i]));
            }
            assertThat(largest).as("largest change of a logit").isGreaterThan(0.25);
            // what was captured at a replaced hook is the replacement, and the caller's array is untouched
            assertThat(patched.get(mlpOut).toFloatArray()).containsExactly(donor.toFloatArray());
            assertThat(patched.get(mlpOut)).isNotSameAs(donor);
        }
    }

    @Test
    void aReplacementFlowsDownstreamIntoTheNextApplicationOfTheRecurrentBlock() {
        Gpt model = new Gpt(GptConfig.recurrent(8, 3), SHAPE);
        try (NDManager manager = NDManager.newBaseManager()) {
            model.initialize(manager, GptForwardTest.scrambled(model.layout(), 3));
            Hooks hooks = model.hooks().orElseThrow();
            NDArray tokens = GptForwardTest.ids(manager, GptForwardTest.randomTokens(2, 6, SHAPE.vocabularySize(), 4));
            NDArray other = GptForwardTest.ids(manager, GptForwardTest.randomTokens(2, 6, SHAPE.vocabularySize(), 5));
            NDArray donor = hooks.capture(other, "blocks.0.hook_resid_post").get("blocks.0.hook_resid_post");
            ActivationRun patched = hooks.run(tokens, List.of("blocks.1.hook_resid_pre"), Map.of("blocks.0.hook_resid_post", donor));
            assertThat(patched.get("blocks.1.hook_resid_pre").toFloatArray()).containsExactly(donor.toFloatArray());
            // nothing after block 0 reads the tokens: from there on the pass is the other prompt's
            assertClose(patched.logits(), hooks.run(other, List.of(), Map.of()).logits());
        }
    }

    @Test
    void replacingAnyHookWithItsOwnActivationLeavesTheLogitsAsTheyWere() {
        for (GptConfig config : List.of(GptConfig.standard(8, 2), new GptConfig(Variant.RECURRENT, 8, 2, 2, 0))) {
            Gpt model = new Gpt(config, SHAPE);
            try (NDManager manager = NDManager.newBaseManager()) {
                model.initialize(manager, GptForwardTest.scrambled(model.layout(), 8));
                Hooks hooks = model.hooks().orElseThrow();
                NDArray tokens = GptForwardTest.ids(manager, GptForwardTest.randomTokens(2, SHAPE.contextLength(), SHAPE.vocabularySize(), 6));
                ActivationRun all = hooks.run(tokens, hooks.names(), Map.of());
                float[] expected = all.logits().toFloatArray();
                for (String name : hooks.names()) {
                    // each hook's layout in the forward code (2-d blocks, one head's weights, full-context positions) and back
                    float[] actual = hooks.run(tokens, List.of(), Map.of(name, all.get(name))).logits().toFloatArray();
                    assertThat(actual).as("%s, %s", config, name).containsExactly(expected);
                }
            }
        }
    }

    @Test
    void anUnknownHookIsAnErrorNamingItAndTheValidOnes() {
        Gpt model = new Gpt(GptConfig.standard(8, 1), SHAPE);
        try (NDManager manager = NDManager.newBaseManager()) {
            model.initialize(manager, 1);
            Hooks hooks = model.hooks().orElseThrow();
            NDArray tokens = GptForwardTest.ids(manager, GptForwardTest.randomTokens(1, 4, SHAPE.vocabularySize(), 1));
            assertThatThrownBy(() -> hooks.capture(tokens, "blocks.1.hook_mlp_out"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unknown hook 'blocks.1.hook_mlp_out' (did you mean 'blocks.0.hook_mlp_out'?)")
                    .hasMessageContaining("hook_embed, hook_pos_embed, blocks.0.hook_resid_pre, blocks.0.attn.hook_pattern, "
                            + "blocks.0.hook_attn_out, blocks.0.hook_resid_mid, blocks.0.hook_mlp_out, blocks.0.hook_resid_post");
            NDArray anything = manager.zeros(new Shape(1, 4, 8));
            assertThatThrownBy(() -> hooks.run(tokens, List.of(), Map.of("blocks.0.hook_attn_output", anything)))
                    .hasMessageContaining("unknown hook 'blocks.0.hook_attn_output' (did you mean 'blocks.0.hook_attn_out'?)");
        }
    }

    @Test
    void aReplacementOfAnotherShapeIsRefusedNamingBothShapes() {
        Gpt model = new Gpt(GptConfig.standard(8, 1), SHAPE);
        try (NDManager manager = NDManager.newBaseManager()) {
            model.initialize(manager, 1);
            Hooks hooks = model.hooks().orElseThrow();
            NDArray tokens = GptForwardTest.ids(manager, GptForwardTest.randomTokens(2, 4, SHAPE.vocabularySize(), 1));
            NDArray wrong = manager.zeros(new Shape(2, 5, 8));
            assertThatThrownBy(() -> hooks.run(tokens, List.of(), Map.of("blocks.0.hook_mlp_out", wrong)))
                    .hasMessageContaining("the replacement for blocks.0.hook_mlp_out has shape (2, 5, 8), "
                            + "but this pass's blocks.0.hook_mlp_out is (2, 4, 8)");
            NDArray headless = manager.zeros(new Shape(2, 4, 4));
            assertThatThrownBy(() -> hooks.run(tokens, List.of(), Map.of("blocks.0.attn.hook_pattern", headless)))
                    .hasMessageContaining("is (2, 1, 4, 4)");
        }
    }

    @Test
    void hooksLeaveNothingBehindOnTheWeightsManager() {
        Gpt model = new Gpt(GptConfig.standard(8, 2), SHAPE);
        int[][] ids = GptForwardTest.randomTokens(2, 5, SHAPE.vocabularySize(), 1);
        try (NDManager manager = NDManager.newBaseManager()) {
            model.initialize(manager, 1);
            Hooks hooks = model.hooks().orElseThrow();
            try (NDManager data = manager.newSubManager()) {
                hooks.layerActivations(GptForwardTest.ids(data, ids)); // makes the causal mask for 5 tokens, once
            }
            int before = manager.getManagedArrays().size();
            try (NDManager data = manager.newSubManager()) {
                NDArray tokens = GptForwardTest.ids(data, ids);
                for (int i = 0; i < 3; i++) {
                    hooks.layerActivations(tokens);
                }
                assertThat(data.getManagedArrays()).hasSize(1 + 3 * 2 * 5); // the tokens and what was captured
            }
            try (NDManager data = manager.newSubManager()) {
                NDArray tokens = GptForwardTest.ids(data, ids);
                NDArray donor = hooks.capture(tokens, "blocks.0.hook_mlp_out").get("blocks.0.hook_mlp_out");
                hooks.run(tokens, List.of("hook_pos_embed"), Map.of("blocks.0.hook_mlp_out", donor));
                // the tokens, the first pass's logits and capture, the second's logits and capture
                assertThat(data.getManagedArrays()).hasSize(1 + 2 + 2);
            }
            assertThat(manager.getManagedArrays()).hasSize(before);
        }
    }

    @Test
    void aBlockWithoutMlpShowsZerosAtItsMlpOutAndAReplacementThereIsAdded() {
        GptConfig config = GptConfig.standard(6, 2).withMlpLayers(List.of(1));
        Gpt model = new Gpt(config, SHAPE);
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] parameters = GptForwardTest.scrambled(model.layout(), 6);
            model.initialize(manager, parameters);
            Hooks hooks = model.hooks().orElseThrow();
            int[][] ids = GptForwardTest.randomTokens(1, 5, SHAPE.vocabularySize(), 3);
            NDArray tokens = GptForwardTest.ids(manager, ids);
            ActivationRun run = hooks.capture(tokens, "blocks.0.hook_mlp_out", "blocks.0.hook_resid_mid",
                    "blocks.0.hook_resid_post", "blocks.1.hook_mlp_out");
            assertThat(run.get("blocks.0.hook_mlp_out").toFloatArray()).containsOnly(0f).hasSize(5 * 6);
            assertClose(run.get("blocks.0.hook_resid_post"), run.get("blocks.0.hook_resid_mid"));
            assertThat(run.get("blocks.1.hook_mlp_out").abs().sum().getFloat()).isPositive();
            // patching the missing MLP's output adds the replacement to the residual stream, as NaiveGpt does
            double[][] replacement = new double[5][6];
            float[] given = new float[5 * 6];
            for (int i = 0; i < given.length; i++) {
                given[i] = (float) Math.sin(i);
                replacement[i / 6][i % 6] = given[i];
            }
            NDArray patch = manager.create(given, new Shape(1, 5, 6));
            float[] patched = hooks.run(tokens, List.of(), Map.of("blocks.0.hook_mlp_out", patch)).logits().toFloatArray();
            double[][] expected = new NaiveGpt(model.layout(), parameters).logits(ids[0], Map.of(0, replacement));
            for (int i = 0; i < patched.length; i++) {
                assertThat((double) patched[i]).isCloseTo(expected[i / SHAPE.vocabularySize()][i % SHAPE.vocabularySize()],
                        within(2e-4));
            }
        }
    }

    @Test
    void positionsThatAddNothingShowZerosAtPosEmbedAndSinusoidalOnesTheirTable() {
        for (Positions positions : List.of(Positions.ROTARY, Positions.NONE, Positions.SINUSOIDAL)) {
            Gpt model = new Gpt(GptConfig.standard(4, 1).withPositions(positions), SHAPE);
            try (NDManager manager = NDManager.newBaseManager()) {
                model.initialize(manager, 2);
                NDArray tokens = GptForwardTest.ids(manager, GptForwardTest.randomTokens(2, 3, SHAPE.vocabularySize(), 3));
                ActivationRun run = model.hooks().orElseThrow().capture(tokens, "hook_pos_embed", "hook_embed",
                        "blocks.0.hook_resid_pre");
                float[] pos = run.get("hook_pos_embed").toFloatArray();
                assertThat(run.get("hook_pos_embed").getShape()).isEqualTo(new Shape(2, 3, 4));
                if (positions == Positions.SINUSOIDAL) {
                    // PE(1, 0) = sin(1), PE(1, 1) = cos(1), PE(1, 2) = sin(1 / 100), PE(1, 3) = cos(1 / 100)
                    assertThat(java.util.Arrays.copyOfRange(pos, 4, 8)).containsExactly(new float[] {(float) Math.sin(1),
                            (float) Math.cos(1), (float) Math.sin(0.01), (float) Math.cos(0.01)}, within(1e-6f));
                } else {
                    assertThat(pos).as("%s", positions).containsOnly(0f);
                }
                assertClose(run.get("blocks.0.hook_resid_pre"), run.get("hook_embed").add(run.get("hook_pos_embed")));
            }
        }
    }
}
