package org.threshold.analysis.probe;

import org.threshold.api.config.ConfigSection;
import org.threshold.api.probe.Probe;
import org.threshold.api.probe.ProbeProvider;

/** {@code component-reuse}: SPEC section 8, does the direct sum's MLP serve the routed one? */
public final class ComponentReuseProvider implements ProbeProvider<ComponentReuseConfig> {

    @Override
    public String name() {
        return ComponentReuseProbe.NAME;
    }

    @Override
    public String description() {
        return "Assign-add: per layer, cosine of the MLP output for direct vs routed sums, and patching it in from another sum";
    }

    @Override
    public ComponentReuseConfig config(ConfigSection section) {
        return ComponentReuseConfig.bind(section);
    }

    @Override
    public Probe create(ComponentReuseConfig config) {
        return new ComponentReuseProbe(config);
    }
}
