package org.threshold.analysis.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigException;
import org.threshold.api.probe.ProbeProvider;
import org.threshold.testkit.ProbeProviderContract;

/** The built-in probes: discovered by name, pass the probe contract, and name the key of a bad value. */
class ProbeProvidersTest {

    @Test
    void theBuiltInProbesAreDiscoveredByName() {
        assertThat(ServiceLoader.load(ProbeProvider.class).stream().map(p -> p.get().name()))
                .contains("embedding-pca", "layer-ratios", "learning-dynamics", "attention-pattern", "component-reuse");
    }

    private static <C> void bad(ProbeProvider<C> provider, String yaml, String... messages) {
        ConfigDocument doc = ConfigDocument.parse(yaml, "probes.yaml");
        provider.config(doc.root());
        var thrown = assertThatThrownBy(doc::check).isInstanceOf(ConfigException.class);
        for (String message : messages) {
            thrown.hasMessageContaining(message);
        }
    }

    @Test
    void badValuesAreNamedByTheirKey() {
        bad(new EmbeddingPcaProvider(), "{components: 1, groups: [{name: x}, {name: x}], element: [A]}",
                "probes.yaml:1:14: components: expected an integer from 2 to 64", "groups[1].name: two groups are named 'x'",
                "element", "did you mean 'elements'");
        bad(new LayerRatiosProvider(), "{a: {mixture: SUM}, layer: -2, sequence: tokens}", "b: expected both groups a and b",
                "layer: expected an integer from -1 to 1024, found '-2'", "sequence: expected one of equation, prompt");
        bad(new LayerRatiosProvider(), "{a: {mixture: SUM}, b: {mixture: SUM}}", "b: groups a and b are both named 'SUM'");
        bad(new LearningDynamicsProvider(), "{steps: [-5], components: 0}", "steps", "components: expected an integer from 1 to 64");
        bad(new AttentionPatternProvider(), "{example: -1, max_runs: 0}", "example: expected an integer from 0",
                "max_runs: expected an integer from 1 to 1000");
        bad(new ComponentReuseProvider(), "{pairs: -1, seed: x, layer: 1}", "pairs: expected an integer from 0 to 1000000",
                "seed", "layer");
    }

    @Test
    void defaultsNeedNoKeys() {
        ConfigDocument doc = ConfigDocument.parse("{}", "probes.yaml");
        LayerRatiosConfig config = new LayerRatiosProvider().config(doc.root());
        doc.check();
        assertThat(config.layer()).as("the final layer, as appendix F").isEqualTo(-1);
        assertThat(config.sequences()).isEqualTo(new TestSequences("", 200, true));
        assertThat(config.a()).isEmpty();
    }

    @Nested
    class EmbeddingPcaContract extends ProbeProviderContract<EmbeddingPcaConfig> {
        @Override
        protected ProbeProvider<EmbeddingPcaConfig> provider() {
            return new EmbeddingPcaProvider();
        }

        @Override
        protected String config() {
            return "groups: [{mixture: MAX+MED+SUM, min_accuracy: 0.9, fallback_best: 3}, {mixture: SUM, labels: {model.d: 32}}]\n"
                    + "components: 4";
        }
    }

    @Nested
    class LayerRatiosContract extends ProbeProviderContract<LayerRatiosConfig> {
        @Override
        protected ProbeProvider<LayerRatiosConfig> provider() {
            return new LayerRatiosProvider();
        }

        @Override
        protected String config() {
            return "a: {mixture: MAX+MED+SUM}\nb: {mixture: SUM}\neval_set: SUM\nprompts: 100";
        }
    }

    @Nested
    class LearningDynamicsContract extends ProbeProviderContract<LearningDynamicsConfig> {
        @Override
        protected ProbeProvider<LearningDynamicsConfig> provider() {
            return new LearningDynamicsProvider();
        }

        @Override
        protected String config() {
            return "metrics: [accuracy, accuracy.SUM]\nsteps: [1000, 2000]";
        }
    }

    @Nested
    class AttentionPatternContract extends ProbeProviderContract<AttentionPatternConfig> {
        @Override
        protected ProbeProvider<AttentionPatternConfig> provider() {
            return new AttentionPatternProvider();
        }

        @Override
        protected String config() {
            return "group: {mixture: SUM}\nexample: 3";
        }
    }

    @Nested
    class ComponentReuseContract extends ProbeProviderContract<ComponentReuseConfig> {
        @Override
        protected ProbeProvider<ComponentReuseConfig> provider() {
            return new ComponentReuseProvider();
        }

        @Override
        protected String config() {
            return "group: {min_accuracy: 0.9}\npairs: 50\nseed: 3";
        }
    }
}
