package org.threshold.models.gpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.threshold.api.model.Model;
import org.threshold.api.model.ModelShape;
import org.threshold.api.model.Stacking;

/** SPEC section 10: K gpt models in one pass compute what each computes alone, for every option. */
class GptStackingTest {

    private static final ModelShape SHAPE = new ModelShape(11, 12);
    private static final int K = 3;
    private static final int BATCH = 4;
    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    static Stream<GptConfig> options() {
        return Stream.of(
                new GptConfig(Variant.STANDARD, 8, 2, 2, 0.0),
                new GptConfig(Variant.RECURRENT, 6, 3, 1, 3, 0.0, Positions.ROTARY, false, true, 2, List.of(1, 2), Norm.LAYER),
                new GptConfig(Variant.STANDARD, 8, 2, 2, 3, 0.0, Positions.SINUSOIDAL, true, false, 4, List.of(0, 1), Norm.RMS),
                new GptConfig(Variant.STANDARD, 4, 1, 1, 4, 0.0, Positions.NONE, true, false, 0, List.of(), Norm.NONE),
                new GptConfig(Variant.STANDARD, 6, 2, 3, 2, 0.0, Positions.ROTARY, false, true, 1, List.of(0), Norm.LAYER));
    }

    private static List<Model> members(GptConfig config) {
        List<Model> members = new ArrayList<>();
        for (int k = 0; k < K; k++) {
            Gpt gpt = new Gpt(config, SHAPE);
            gpt.initialize(manager, GptForwardTest.scrambled(gpt.layout(), 100 + k));
            members.add(gpt);
        }
        return members;
    }

    /** Member k reads its own sequences, of a length below the context (so position slicing is exercised). */
    private static int[][][] tokens(int time) {
        int[][][] tokens = new int[K][][];
        for (int k = 0; k < K; k++) {
            tokens[k] = GptForwardTest.randomTokens(BATCH, time, SHAPE.vocabularySize(), 7 + k);
        }
        return tokens;
    }

    private static NDArray stackedIds(NDManager m, int[][][] tokens) {
        NDList rows = new NDList();
        for (int[][] member : tokens) {
            rows.add(GptForwardTest.ids(m, member));
        }
        return NDArrays.stack(rows, 0);
    }

    @ParameterizedTest
    @MethodSource("options")
    void aStackComputesEachMembersOwnLogitsAndGradients(GptConfig config) {
        List<Model> members = members(config);
        Stacking stacking = members.get(0).stacking().orElseThrow();
        int[][][] tokens = tokens(SHAPE.contextLength() - 3);
        try (NDManager m = manager.newSubManager()) {
            float[][] alone = new float[K][];
            float[][] aloneGradients = new float[K][];
            for (int k = 0; k < K; k++) {
                Gpt gpt = (Gpt) members.get(k);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray logits = gpt.block().forward(new ParameterStore(m, false),
                            new NDList(GptForwardTest.ids(m, tokens[k])), true).singletonOrThrow();
                    alone[k] = logits.toFloatArray();
                    collector.backward(logits.square().mean());
                }
                aloneGradients[k] = gpt.block().weights().getGradient().toFloatArray();
                gpt.block().weights().getGradient().set(new float[aloneGradients[k].length]);
            }
            float[] stacked;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits = stacking.forward(members, stackedIds(m, tokens), true);
                assertThat(logits.getShape()).isEqualTo(new Shape(K, BATCH, SHAPE.contextLength() - 3, SHAPE.vocabularySize()));
                stacked = logits.toFloatArray();
                // the sum of the members' own losses: each member's gradient is its own loss's
                collector.backward(logits.reshape(K, -1).square().mean(new int[] {1}).sum());
            }
            int per = alone[0].length;
            for (int k = 0; k < K; k++) {
                for (int i = 0; i < per; i++) {
                    assertThat((double) stacked[k * per + i]).as("member %d logit %d", k, i)
                            .isCloseTo(alone[k][i], within(1e-5 + 1e-5 * Math.abs(alone[k][i])));
                }
                float[] gradient = ((Gpt) members.get(k)).block().weights().getGradient().toFloatArray();
                double scale = 0;
                for (float g : aloneGradients[k]) {
                    scale = Math.max(scale, Math.abs(g));
                }
                for (int i = 0; i < gradient.length; i++) {
                    assertThat((double) gradient[i]).as("member %d gradient %d", k, i)
                            .isCloseTo(aloneGradients[k][i], within(1e-5 * scale + 1e-9));
                }
            }
        }
    }

    @Test
    void theStackedParametersHaveALeadingK() {
        List<Model> members = members(new GptConfig(Variant.STANDARD, 8, 2, 2, 0.0));
        Gpt first = (Gpt) members.get(0);
        try (NDManager m = manager.newSubManager()) {
            NDList flats = new NDList();
            members.forEach(g -> flats.add(((Gpt) g).block().weights()));
            NDArray stacked = NDArrays.stack(flats, 0);
            GptWeights w = first.layout().views(stacked, m.zeros(new Shape(1)));
            assertThat(stacked.getShape()).isEqualTo(new Shape(K, first.parameterCount()));
            assertThat(w.tokenEmbedding().getShape()).isEqualTo(new Shape(K, SHAPE.vocabularySize(), 8));
            assertThat(w.positionEmbedding().getShape()).isEqualTo(new Shape(K, SHAPE.contextLength(), 8));
            assertThat(w.blocks().get(1).qkvWeight().getShape()).isEqualTo(new Shape(K, 24, 8));
            assertThat(w.blocks().get(1).qkvBias().getShape()).isEqualTo(new Shape(K, 24));
            assertThat(w.head().getShape()).isEqualTo(new Shape(K, SHAPE.vocabularySize(), 8));
        }
    }

    @Test
    void onlyModelsOfOneShapeWithoutDropoutStack() {
        Gpt a = new Gpt(new GptConfig(Variant.STANDARD, 8, 2, 2, 0.0), SHAPE);
        Gpt wider = new Gpt(new GptConfig(Variant.STANDARD, 16, 2, 2, 0.0), SHAPE);
        Gpt otherTask = new Gpt(new GptConfig(Variant.STANDARD, 8, 2, 2, 0.0), new ModelShape(12, 12));
        Gpt dropout = new Gpt(new GptConfig(Variant.STANDARD, 8, 2, 2, 0.1), SHAPE);
        Stacking stacking = a.stacking().orElseThrow();
        assertThat(stacking.incompatibility(new Gpt(new GptConfig(Variant.STANDARD, 8, 2, 2, 0.0), SHAPE))).isEmpty();
        assertThat(stacking.incompatibility(wider)).hasValueSatisfying(why -> assertThat(why)
                .startsWith("the models differ: gpt standard d=8").contains("d=16"));
        assertThat(stacking.incompatibility(otherTask)).hasValueSatisfying(why -> assertThat(why)
                .startsWith("the tasks give the models other shapes"));
        assertThat(dropout.stacking().orElseThrow().incompatibility(dropout)).hasValueSatisfying(why -> assertThat(why)
                .startsWith("model.dropout is 0.1").endsWith("model.dropout: 0 stacks"));
        a.initialize(manager, 1);
        wider.initialize(manager, 2);
        try (NDManager m = manager.newSubManager()) {
            assertThatThrownBy(() -> stacking.forward(List.of(a, wider), m.zeros(new Shape(2, 1, 3)), false))
                    .hasMessageStartingWith("cannot stack gpt standard d=16");
        }
    }
}
