package org.threshold.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.threshold.api.Plugin;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.probe.ProbeProvider;

/**
 * The contract every {@link ProbeProvider} passes: the name, description and config rules of
 * {@link PluginContract}, and a probe created from the bound config. What a probe computes is
 * tested by the probe's own tests, on runs it knows.
 *
 * @param <C> the probe's config record
 */
public abstract class ProbeProviderContract<C> extends PluginContract<C> {

    protected abstract ProbeProvider<C> provider();

    @Override
    protected final Plugin plugin() {
        return provider();
    }

    @Override
    protected final C bind(ConfigSection section) {
        return provider().config(section);
    }

    @Test
    void createsAProbeFromTheBoundConfig() {
        assertThat(provider().create(boundConfig())).isNotNull();
    }
}
