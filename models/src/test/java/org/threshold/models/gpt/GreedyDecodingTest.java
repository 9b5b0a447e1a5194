package org.threshold.models.gpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.threshold.api.model.GreedyDecoder;
import org.threshold.api.model.ModelShape;
import org.threshold.api.model.RecomputingGreedyDecoder;

class GreedyDecodingTest {

    private static final ModelShape SHAPE = new ModelShape(13, 20);

    private static List<int[]> prompts(int count, int minLength, int maxLength, long seed) {
        Random random = new Random(seed);
        List<int[]> prompts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int[] p = new int[minLength + random.nextInt(maxLength - minLength + 1)];
            for (int t = 0; t < p.length; t++) {
                p[t] = random.nextInt(SHAPE.vocabularySize());
            }
            prompts.add(p);
        }
        return prompts;
    }

    /**
     * Random weights whose greedy choices vary with the tokens, their positions and what attention
     * reads from earlier tokens (a random model with uniform small scales keeps emitting one token).
     */
    static float[] varied(ParameterLayout layout, long seed) {
        float[] values = GptForwardTest.scrambled(layout, seed, 0.1);
        for (ParameterTensor t : layout.tensors()) {
            float factor = switch (t.name().replaceFirst("^transformer\\.h\\.\\d+\\.", "")) {
                case "transformer.wte.weight", "transformer.wpe.weight", "lm_head.weight" -> 10f;
                case "attn.c_attn.weight", "attn.c_proj.weight" -> 5f;
                default -> 1f;
            };
            for (long i = t.offset(); i < t.end(); i++) {
                values[(int) i] *= factor;
            }
        }
        return values;
    }

    /** Decodes one prompt at a time by the definition: full recomputation over the last context tokens. */
    private static int[] byDefinition(Gpt model, NDManager manager, int[] prompt, int maxNewTokens, OptionalInt stop) {
        return RecomputingGreedyDecoder.of(model.block(), manager, SHAPE.contextLength())
                .decode(List.of(prompt), maxNewTokens, stop).get(0);
    }

    private static void assertCachedEqualsRecomputed(GptConfig config, int batch) {
        Gpt model = new Gpt(config, SHAPE);
        try (NDManager manager = NDManager.newBaseManager()) {
            // lengths 1 … 25 with a context of 20: some rows are cropped from the start, others outgrow the context
            List<int[]> prompts = prompts(24, 1, 25, 3);
            // weights whose choices vary (random weights often repeat one token): the first seed from 21 on that has them
            long distinct = 0;
            for (int seed = 21; seed < 61 && distinct <= 5; seed++) {
                model.initialize(manager, varied(model.layout(), seed));
                distinct = new CachedGreedyDecoder(model.block(), batch).decode(prompts, 12, OptionalInt.empty()).stream()
                        .flatMapToInt(java.util.Arrays::stream).distinct().count();
            }
            // the stop token: one the model emits as its third token for some prompts, so that some rows stop early
            int[] third = new CachedGreedyDecoder(model.block(), batch).decode(prompts, 3, OptionalInt.empty()).stream()
                    .mapToInt(c -> c[2]).toArray();
            OptionalInt stop = OptionalInt.of(java.util.Arrays.stream(third).filter(t -> t != third[0]).findFirst().orElse(third[0]));
            List<int[]> cached = new CachedGreedyDecoder(model.block(), batch).decode(prompts, 12, stop);
            List<int[]> recomputed = RecomputingGreedyDecoder.of(model.block(), manager, SHAPE.contextLength())
                    .decode(prompts, 12, stop);
            assertThat(cached).hasSize(prompts.size());
            for (int i = 0; i < prompts.size(); i++) {
                assertThat(cached.get(i)).as("prompt %d", i).containsExactly(recomputed.get(i));
                assertThat(cached.get(i)).as("prompt %d", i).containsExactly(byDefinition(model, manager, prompts.get(i), 12, stop));
            }
            assertThat(cached).as("the test must exercise stopping").anyMatch(c -> c.length < 12 && c[c.length - 1] == stop.getAsInt());
            assertThat(cached.stream().flatMapToInt(java.util.Arrays::stream).distinct().count())
                    .as("the test needs a model whose choices vary: %s", config).isGreaterThan(5);
        }
    }

    @Test
    void cachedDecodingGivesTheTokensOfFullRecomputation() {
        assertCachedEqualsRecomputed(GptConfig.standard(16, 2), 7);
    }

    @Test
    void cachedDecodingOfAMultiHeadRecurrentModelGivesTheTokensOfFullRecomputation() {
        assertCachedEqualsRecomputed(new GptConfig(Variant.RECURRENT, 12, 3, 3, 0), 256);
    }

    @Test
    void cachedDecodingWithSpec5bOptionsGivesTheTokensOfFullRecomputation() {
        // rotary and sinusoidal positions are looked up by each row's own positions in the cache
        assertCachedEqualsRecomputed(new GptConfig(Variant.STANDARD, 16, 2, 2, 0).withPositions(Positions.ROTARY), 7);
        assertCachedEqualsRecomputed(GptConfig.standard(16, 2).withPositions(Positions.ROTARY), 7);
        assertCachedEqualsRecomputed(GptConfig.standard(12, 2).withPositions(Positions.SINUSOIDAL), 7);
        assertCachedEqualsRecomputed(GptConfig.standard(12, 2).withHeads(3, 5).withPositions(Positions.ROTARY)
                .withTiedEmbeddings(true).withBias(false).withNorm(Norm.RMS).withMlpLayers(List.of(1)), 256);
    }

    @Test
    void cachedDecodingStaysEqualToRecomputationWhenMostRowsStopEarly() {
        Gpt model = new Gpt(GptConfig.standard(16, 2), SHAPE);
        try (NDManager manager = NDManager.newBaseManager()) {
            model.initialize(manager, varied(model.layout(), 5));
            List<int[]> prompts = prompts(30, 2, 12, 9);
            CachedGreedyDecoder cached = new CachedGreedyDecoder(model.block(), 64);
            // the commonest early token as the stop token: most rows finish after a few tokens, the batch shrinks
            int[] counts = new int[SHAPE.vocabularySize()];
            cached.decode(prompts, 3, OptionalInt.empty()).forEach(c -> counts[c[1]]++);
            int stop = 0;
            for (int t = 1; t < counts.length; t++) {
                stop = counts[t] > counts[stop] ? t : stop;
            }
            OptionalInt stopToken = OptionalInt.of(stop);
            List<int[]> fast = cached.decode(prompts, 10, stopToken);
            List<int[]> slow = RecomputingGreedyDecoder.of(model.block(), manager, SHAPE.contextLength()).decode(prompts, 10, stopToken);
            for (int i = 0; i < prompts.size(); i++) {
                assertThat(fast.get(i)).as("prompt %d", i).containsExactly(slow.get(i));
            }
            assertThat(fast.stream().filter(c -> c.length <= 3).count()).as("rows that stopped early").isGreaterThan(15);
            assertThat(fast).as("rows that went on").anyMatch(c -> c.length > 4);
        }
    }

    @Test
    void completionsEndAtTheStopTokenOrTheLimitInPromptOrder() {
        Gpt model = new Gpt(GptConfig.standard(8, 1), SHAPE);
        try (NDManager manager = NDManager.newBaseManager()) {
            model.initialize(manager, GptForwardTest.scrambled(model.layout(), 2));
            GreedyDecoder decoder = model.greedyDecoder(manager, SHAPE.contextLength());
            List<int[]> prompts = prompts(9, 2, 6, 8);
            List<int[]> free = decoder.decode(prompts, 5, OptionalInt.empty());
            assertThat(free).allSatisfy(c -> assertThat(c).hasSize(5));
            for (int i = 0; i < prompts.size(); i++) {
                int stop = free.get(i)[2];
                int[] stopped = decoder.decode(List.of(prompts.get(i)), 5, OptionalInt.of(stop)).get(0);
                int first = 0;
                while (free.get(i)[first] != stop) {
                    first++;
                }
                assertThat(stopped).containsExactly(java.util.Arrays.copyOf(free.get(i), first + 1));
            }
            assertThat(decoder.decode(prompts, 0, OptionalInt.empty())).allSatisfy(c -> assertThat(c).isEmpty());
        }
    }

    @Test
    void decodingRefusesTokensOutsideTheVocabularyAndEmptyPrompts() {
        Gpt model = new Gpt(GptConfig.standard(8, 1), SHAPE);
        try (NDManager manager = NDManager.newBaseManager()) {
            model.initialize(manager, 1);
            GreedyDecoder decoder = model.greedyDecoder(manager, SHAPE.contextLength());
            assertThatThrownBy(() -> decoder.decode(List.of(new int[] {1, 13}), 3, OptionalInt.empty()))
                    .hasMessageContaining("prompt 0 has token id 13 outside 0..12");
            assertThatThrownBy(() -> decoder.decode(List.of(new int[0]), 3, OptionalInt.empty()))
                    .hasMessageContaining("prompt 0 is empty");
        }
    }

    @Test
    void decoderIsAvailableOnlyAfterInitialization() {
        Gpt model = new Gpt(GptConfig.standard(8, 1), SHAPE);
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> model.greedyDecoder(manager, SHAPE.contextLength())).hasMessageContaining("Model.initialize");
        }
    }

    @Test
    void theModelsOwnDecoderCachesAndAShorterCropRecomputes() {
        Gpt model = new Gpt(GptConfig.standard(8, 1), SHAPE);
        try (NDManager manager = NDManager.newBaseManager()) {
            model.initialize(manager, 1);
            assertThat(model.greedyDecoder(manager, SHAPE.contextLength())).isInstanceOf(CachedGreedyDecoder.class);
            // the cache cannot crop to fewer tokens than the context: every position would shift at each token
            assertThat(model.greedyDecoder(manager, SHAPE.contextLength() - 5)).isInstanceOf(RecomputingGreedyDecoder.class);
            assertThatThrownBy(() -> model.greedyDecoder(manager, SHAPE.contextLength() + 1))
                    .hasMessageContaining("reads at most 20 tokens");
        }
    }

    @Test
    void decodingLeavesNothingBehindOnTheWeightsManager() {
        Gpt model = new Gpt(GptConfig.standard(8, 2), SHAPE);
        try (NDManager manager = NDManager.newBaseManager()) {
            model.initialize(manager, 1);
            GreedyDecoder decoder = model.greedyDecoder(manager, SHAPE.contextLength());
            List<int[]> prompts = prompts(10, 3, 25, 1);
            decoder.decode(prompts, 8, OptionalInt.empty());
            int before = manager.getManagedArrays().size();
            decoder.decode(prompts, 8, OptionalInt.empty());
            assertThat(manager.getManagedArrays()).hasSize(before);
        }
    }
}
