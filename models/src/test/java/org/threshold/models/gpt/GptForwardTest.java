package org.threshold.models.gpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.threshold.api.model.ModelShape;

class GptForwardTest {

    private static final ModelShape SHAPE = new ModelShape(11, 16);
    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    /** Every parameter random and large, so biases and LayerNorm gains matter as much as weights. */
    static float[] scrambled(ParameterLayout layout, long seed) {
        return scrambled(layout, seed, 0.3);
    }

    static float[] scrambled(ParameterLayout layout, long seed, double std) {
        Random random = new Random(seed);
        float[] values = new float[(int) layout.count()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * std);
        }
        return values;
    }

    static int[][] randomTokens(int batch, int time, int vocabulary, long seed) {
        Random random = new Random(seed);
        int[][] tokens = new int[batch][time];
        for (int[] row : tokens) {
            for (int t = 0; t < time; t++) {
                row[t] = random.nextInt(vocabulary);
            }
        }
        return tokens;
    }

    static NDArray ids(NDManager manager, int[][] tokens) {
        long[] flat = new long[tokens.length * tokens[0].length];
        for (int b = 0; b < tokens.length; b++) {
            for (int t = 0; t < tokens[b].length; t++) {
                flat[b * tokens[b].length + t] = tokens[b][t];
            }
        }
        return manager.create(flat, new Shape(tokens.length, tokens[0].length));
    }

    private static float[][][] logits(Gpt model, int[][] tokens) {
        try (NDManager m = manager.newSubManager()) {
            NDArray out = model.block().forward(new ParameterStore(m, false), new NDList(ids(m, tokens)), false).singletonOrThrow();
            Shape s = out.getShape();
            float[] values = out.toFloatArray();
            float[][][] result = new float[(int) s.get(0)][(int) s.get(1)][(int) s.get(2)];
            int i = 0;
            for (float[][] row : result) {
                for (float[] position : row) {
                    for (int v = 0; v < position.length; v++) {
                        position[v] = values[i++];
                    }
                }
            }
            return result;
        }
    }

    private static void assertMatchesNaiveModel(GptConfig config, int time) {
        Gpt model = new Gpt(config, SHAPE);
        float[] parameters = scrambled(model.layout(), 7);
        model.initialize(manager, parameters);
        int[][] tokens = randomTokens(3, time, SHAPE.vocabularySize(), 11);
        float[][][] actual = logits(model, tokens);
        NaiveGpt oracle = new NaiveGpt(model.layout(), parameters);
        for (int b = 0; b < tokens.length; b++) {
            double[][] expected = oracle.logits(tokens[b]);
            for (int t = 0; t < time; t++) {
                for (int v = 0; v < SHAPE.vocabularySize(); v++) {
                    assertThat((double) actual[b][t][v]).as("logit b=%d t=%d v=%d", b, t, v)
                            .isCloseTo(expected[t][v], within(2e-4));
                }
            }
        }
    }

    @Test
    void singleHeadStandardModelComputesTheSpecifiedDecoder() {
        assertMatchesNaiveModel(GptConfig.standard(8, 2), SHAPE.contextLength());
    }

    @Test
    void multiHeadAttentionSplitsTheEmbeddingIntoIndependentHeads() {
        assertMatchesNaiveModel(new GptConfig(Variant.STANDARD, 12, 2, 3, 0), 9);
    }

    @Test
    void recurrentModelAppliesOneBlockLayersTimes() {
        assertMatchesNaiveModel(new GptConfig(Variant.RECURRENT, 8, 3, 2, 0), 5);
    }

    @Test
    void sinusoidalPositionsAddTheFixedTableOfAttentionIsAllYouNeed() {
        assertMatchesNaiveModel(GptConfig.standard(6, 2).withPositions(Positions.SINUSOIDAL), SHAPE.contextLength());
    }

    @Test
    void rotaryPositionsTurnQueriesAndKeysOfEveryHead() {
        assertMatchesNaiveModel(new GptConfig(Variant.STANDARD, 8, 2, 2, 0).withPositions(Positions.ROTARY), 11);
        assertMatchesNaiveModel(GptConfig.standard(8, 1).withPositions(Positions.ROTARY), 7);
    }

    @Test
    void rotaryPositionsLeaveTheLastDimensionOfAnOddHeadAsItIs() {
        assertMatchesNaiveModel(GptConfig.standard(6, 1).withHeads(2, 3).withPositions(Positions.ROTARY), 9);
        assertMatchesNaiveModel(GptConfig.standard(5, 1).withHeads(1, 5).withPositions(Positions.ROTARY), 9);
    }

    @Test
    void withoutPositionsOnlyTheCausalMaskOrdersTokens() {
        assertMatchesNaiveModel(GptConfig.standard(6, 2).withPositions(Positions.NONE), 10);
    }

    @Test
    void tiedEmbeddingsMakeTheHeadTheTokenEmbeddingTransposed() {
        assertMatchesNaiveModel(GptConfig.standard(8, 2).withTiedEmbeddings(true), 10);
    }

    @Test
    void withoutBiasesNoLinearLayerOrLayerNormAddsOne() {
        assertMatchesNaiveModel(new GptConfig(Variant.STANDARD, 8, 2, 2, 0).withBias(false), 10);
    }

    @Test
    void rmsNormAndNoNormAreTheConfiguredNormalization() {
        assertMatchesNaiveModel(GptConfig.standard(8, 2).withNorm(Norm.RMS), 10);
        assertMatchesNaiveModel(GptConfig.standard(8, 2).withNorm(Norm.NONE), 10);
        assertMatchesNaiveModel(GptConfig.standard(8, 2).withNorm(Norm.RMS).withBias(false), 10);
    }

    @Test
    void theMlpRatioSetsTheHiddenWidthAndZeroRemovesTheMlp() {
        assertMatchesNaiveModel(GptConfig.standard(6, 2).withMlpRatio(2), 10);
        assertMatchesNaiveModel(GptConfig.standard(6, 2).withMlpRatio(0), 10);
    }

    @Test
    void onlyTheListedBlocksHaveAnMlp() {
        assertMatchesNaiveModel(GptConfig.standard(6, 2).withMlpLayers(java.util.List.of(1)), 10);
        assertMatchesNaiveModel(GptConfig.recurrent(6, 3).withMlpLayers(java.util.List.of(0, 2)), 10);
    }

    @Test
    void aHeadSizeApartFromTheWidthSetsTheAttentionsWidth() {
        assertMatchesNaiveModel(GptConfig.standard(6, 2).withHeads(2, 4), 10);
        assertMatchesNaiveModel(GptConfig.standard(4, 1).withHeads(3, 1), 10);
        assertMatchesNaiveModel(GptConfig.recurrent(6, 2).withHeads(1, 2), 10);
    }

    @Test
    void aWidthOfOneAndAnAdderBoardSizedModelCompute() {
        assertMatchesNaiveModel(GptConfig.standard(1, 1).withNorm(Norm.RMS), 8);
        assertMatchesNaiveModel(GptConfig.standard(3, 1).withHeads(1, 2).withPositions(Positions.ROTARY).withTiedEmbeddings(true)
                .withBias(false).withNorm(Norm.RMS).withMlpRatio(2), SHAPE.contextLength());
    }

    @Test
    void logitsOfAPositionDependOnlyOnEarlierTokens() {
        Gpt model = new Gpt(GptConfig.standard(8, 2), SHAPE);
        model.initialize(manager, scrambled(model.layout(), 3));
        int[][] tokens = randomTokens(1, 10, SHAPE.vocabularySize(), 5);
        int[][] changed = {tokens[0].clone()};
        changed[0][6] = (changed[0][6] + 1) % SHAPE.vocabularySize();
        float[][][] before = logits(model, tokens);
        float[][][] after = logits(model, changed);
        for (int t = 0; t < 6; t++) {
            assertThat(after[0][t]).containsExactly(before[0][t]);
        }
        assertThat(after[0][6]).isNotEqualTo(before[0][6]);
    }

    @Test
    void sameSeedGivesSameWeightsAndAnotherSeedOthers() {
        ParameterLayout layout = ParameterLayout.of(GptConfig.standard(8, 2), SHAPE);
        assertThat(layout.initialValues(42)).containsExactly(layout.initialValues(42));
        assertThat(layout.initialValues(42)).isNotEqualTo(layout.initialValues(43));
    }

    @Test
    void initializationFollowsNanoGpt() {
        ParameterLayout layout = ParameterLayout.of(GptConfig.standard(32, 2), new ModelShape(24, 64));
        float[] values = layout.initialValues(1);
        for (ParameterTensor t : layout.tensors()) {
            double sum = 0;
            double squares = 0;
            for (long i = t.offset(); i < t.end(); i++) {
                sum += values[(int) i];
                squares += values[(int) i] * values[(int) i];
            }
            double mean = sum / t.size();
            double std = Math.sqrt(squares / t.size() - mean * mean);
            switch (t.init()) {
                case ONES -> assertThat(mean).as(t.name()).isEqualTo(1.0);
                case ZEROS -> assertThat(squares).as(t.name()).isZero();
                case NORMAL -> {
                    assertThat(std).as(t.name()).isCloseTo(0.02, within(0.002));
                    assertThat(mean).as(t.name()).isCloseTo(0, within(0.002));
                }
            }
            boolean normGain = t.name().matches(".*\\.ln_(1|2|f)\\.weight");
            assertThat(t.init()).as(t.name()).isEqualTo(normGain ? ParameterTensor.Init.ONES
                    : t.name().endsWith(".bias") ? ParameterTensor.Init.ZEROS : ParameterTensor.Init.NORMAL);
        }
    }

    @Test
    void tokenEmbeddingsAreTheFirstRowsOfTheWeights() {
        Gpt model = new Gpt(GptConfig.standard(8, 1), SHAPE);
        float[] parameters = scrambled(model.layout(), 9);
        model.initialize(manager, parameters);
        try (NDArray embeddings = model.tokenEmbeddings().orElseThrow()) {
            assertThat(embeddings.getShape()).isEqualTo(new Shape(SHAPE.vocabularySize(), 8));
            assertThat(embeddings.toFloatArray()).containsExactly(java.util.Arrays.copyOf(parameters, SHAPE.vocabularySize() * 8));
        }
    }

    @Test
    void sequencesLongerThanTheContextAreRefusedWithAHint() {
        Gpt model = new Gpt(GptConfig.standard(8, 1), SHAPE);
        model.initialize(manager, 1);
        assertThatThrownBy(() -> logits(model, randomTokens(1, SHAPE.contextLength() + 1, SHAPE.vocabularySize(), 1)))
                .hasMessageContaining("longer than the context length 16");
    }

    @Test
    void summaryNamesTheShapeAndTheParameterCount() {
        Gpt model = new Gpt(GptConfig.recurrent(32, 2), new ModelShape(21, 64));
        assertThat(model.summary()).isEqualTo("gpt recurrent d=32 layers=2 heads=1: " + String.format(java.util.Locale.ROOT,
                "%,d", model.parameterCount()) + " parameters");
    }
}
