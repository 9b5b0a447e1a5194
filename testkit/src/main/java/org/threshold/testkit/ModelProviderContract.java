package org.threshold.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threshold.api.Plugin;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.model.Model;
import org.threshold.api.model.ModelProvider;
import org.threshold.api.model.ModelShape;

/**
 * The contract every {@link ModelProvider} passes: the parameter count it plans equals what the
 * built model has, initialization is deterministic in the seed, and the block maps token ids
 * (batch, time) to logits (batch, time, vocabulary).
 *
 * <p>It needs a DJL engine on the test class path (e.g. {@code ai.djl.pytorch:pytorch-engine},
 * {@code pytorch-jni} and {@code pytorch-native-cpu}); the testkit itself depends only on DJL's
 * engine-agnostic api, optionally, so task-only plugins do not inherit DJL.
 *
 * @param <C> the model's config record
 */
public abstract class ModelProviderContract<C> extends PluginContract<C> {

    protected abstract ModelProvider<C> provider();

    /** The task shape the model is built for. */
    protected ModelShape shape() {
        return new ModelShape(20, 16);
    }

    @Override
    protected final Plugin plugin() {
        return provider();
    }

    @Override
    protected final C bind(ConfigSection section) {
        return provider().config(section);
    }

    @Test
    void plannedParameterCountEqualsTheBuiltModels() {
        C config = boundConfig();
        try (NDManager manager = NDManager.newBaseManager()) {
            Model model = provider().create(config, shape());
            model.initialize(manager, 1);
            long counted = 0;
            for (Pair<String, Parameter> p : model.block().getParameters()) {
                counted += p.getValue().getArray().size();
            }
            assertThat(model.parameterCount()).as("the model's own count").isEqualTo(counted);
            assertThat(provider().parameterCount(config, shape())).as("the count planned without building").isEqualTo(counted);
            // SPEC section 9: each trainable parameter once, so never more than all the tensors hold
            assertThat(model.uniqueParameterCount()).as("the model's unique count").isBetween(0L, counted);
            assertThat(provider().uniqueParameterCount(config, shape())).as("the unique count planned without building")
                    .isEqualTo(model.uniqueParameterCount());
        }
    }

    @Test
    void sameSeedGivesTheSameWeightsAndAnotherSeedOthers() {
        C config = boundConfig();
        try (NDManager manager = NDManager.newBaseManager()) {
            List<float[]> a = weights(config, manager, 7);
            List<float[]> b = weights(config, manager, 7);
            List<float[]> c = weights(config, manager, 8);
            assertThat(b).hasSameSizeAs(a);
            for (int i = 0; i < a.size(); i++) {
                assertThat(b.get(i)).as("parameter %d with the same seed", i).isEqualTo(a.get(i));
            }
            boolean anyDifferent = false;
            for (int i = 0; i < a.size(); i++) {
                anyDifferent |= !java.util.Arrays.equals(a.get(i), c.get(i));
            }
            assertThat(anyDifferent).as("some weight differs with another seed").isTrue();
        }
    }

    @Test
    void blockMapsTokenIdsToLogitsOverTheVocabulary() {
        ModelShape shape = shape();
        try (NDManager manager = NDManager.newBaseManager()) {
            Model model = provider().create(boundConfig(), shape);
            model.initialize(manager, 1);
            int[][] ids = new int[2][shape.contextLength()];
            for (int b = 0; b < 2; b++) {
                for (int t = 0; t < shape.contextLength(); t++) {
                    ids[b][t] = (b * 7 + t * 3) % shape.vocabularySize();
                }
            }
            NDArray tokens = manager.create(ids);
            NDList out = model.block().forward(new ParameterStore(manager, false), new NDList(tokens), false);
            assertThat(out.singletonOrThrow().getShape())
                    .isEqualTo(new Shape(2, shape.contextLength(), shape.vocabularySize()));
        }
    }

    @Test
    void summaryIsOneLine() {
        Model model = provider().create(boundConfig(), shape());
        assertThat(model.summary()).isNotBlank().doesNotContain("\n");
    }

    private List<float[]> weights(C config, NDManager manager, long seed) {
        Model model = provider().create(config, shape());
        model.initialize(manager, seed);
        List<float[]> out = new ArrayList<>();
        for (Pair<String, Parameter> p : model.block().getParameters()) {
            out.add(p.getValue().getArray().toFloatArray());
        }
        return out;
    }
}
