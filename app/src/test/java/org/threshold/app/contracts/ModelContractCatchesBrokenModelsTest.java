package org.threshold.app.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.model.Model;
import org.threshold.api.model.ModelProvider;
import org.threshold.api.model.ModelShape;
import org.threshold.app.testplugins.BigramModelProvider;
import org.threshold.testkit.ModelProviderContract;

/**
 * The model contract against models broken on purpose (it needs an engine, which the app's tests
 * have): a parameter count planned wrong, and weights that ignore the seed.
 */
class ModelContractCatchesBrokenModelsTest {

    private static List<String> failures(Class<?> contract) {
        List<String> failed = new ArrayList<>();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(contract)).build(),
                new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        if (id.isTest() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                            failed.add(id.getDisplayName().replace("()", ""));
                        }
                    }
                });
        return failed;
    }

    @Test
    void aPlannedCountThatForgetsAParameterFails() {
        assertThat(failures(CountsWrong.class)).containsExactly("plannedParameterCountEqualsTheBuiltModels");
    }

    @Test
    void weightsThatIgnoreTheSeedFail() {
        assertThat(failures(IgnoresSeed.class)).containsExactly("sameSeedGivesTheSameWeightsAndAnotherSeedOthers");
    }

    /** The bigram model, with a defect wrapped around it. */
    private static final class Broken implements ModelProvider<BigramModelProvider.Config> {
        private final BigramModelProvider bigram = new BigramModelProvider();
        private final boolean countsWrong;

        Broken(boolean countsWrong) {
            this.countsWrong = countsWrong;
        }

        @Override
        public String name() {
            return "broken-bigram";
        }

        @Override
        public String description() {
            return "A bigram model with a bug";
        }

        @Override
        public BigramModelProvider.Config config(ConfigSection section) {
            return bigram.config(section);
        }

        @Override
        public Model create(BigramModelProvider.Config config, ModelShape shape) {
            Model model = bigram.create(config, shape);
            if (countsWrong) {
                return model;
            }
            return new Model() {
                @Override
                public ai.djl.nn.Block block() {
                    return model.block();
                }

                @Override
                public void initialize(ai.djl.ndarray.NDManager manager, long seed) {
                    model.initialize(manager, 12345);
                }

                @Override
                public long parameterCount() {
                    return model.parameterCount();
                }

                @Override
                public String summary() {
                    return model.summary();
                }
            };
        }

        @Override
        public long parameterCount(BigramModelProvider.Config config, ModelShape shape) {
            long right = bigram.parameterCount(config, shape);
            return countsWrong ? right - shape.vocabularySize() : right;
        }
    }

    static class CountsWrong extends ModelProviderContract<BigramModelProvider.Config> {
        @Override
        protected ModelProvider<BigramModelProvider.Config> provider() {
            return new Broken(true);
        }

        @Override
        protected String config() {
            return "scale: 1";
        }
    }

    static class IgnoresSeed extends ModelProviderContract<BigramModelProvider.Config> {
        @Override
        protected ModelProvider<BigramModelProvider.Config> provider() {
            return new Broken(false);
        }

        @Override
        protected String config() {
            return "scale: 1";
        }
    }
}
