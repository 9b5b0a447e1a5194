package org.threshold.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.curriculum.Curriculum;
import org.threshold.api.curriculum.CurriculumContext;
import org.threshold.api.curriculum.CurriculumProvider;
import org.threshold.api.plugin.PluginDiscovery;
import org.threshold.api.plugin.PluginKind;
import org.threshold.api.plugin.PluginType;

/**
 * A {@link CurriculumContext} for contract tests: the components the test names, and nested
 * curricula created from the providers on the test class path, by the same {@code type} rule as
 * Threshold's run files.
 */
public final class ContractCurriculumContext implements CurriculumContext {

    private final Map<String, Double> weights;
    private Map<String, CurriculumProvider<?>> providers;

    /** @param weights the task's components and their own weights, in order */
    public ContractCurriculumContext(Map<String, Double> weights) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("a task has at least one component");
        }
        this.weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    @Override
    public List<String> components() {
        return List.copyOf(weights.keySet());
    }

    @Override
    public Map<String, Double> defaultWeights() {
        return weights;
    }

    @Override
    public Curriculum create(ConfigSection section) {
        if (providers == null) {
            providers = PluginDiscovery.discover(List.of(PluginKind.CURRICULUM), Optional.empty(),
                    ContractCurriculumContext.class.getClassLoader()).providers(PluginKind.CURRICULUM);
        }
        CurriculumProvider<?> provider = PluginType.select(section, PluginKind.CURRICULUM, providers, Optional.empty())
                .orElseThrow(() -> new IllegalArgumentException("nested curriculum: " + section.problems()));
        return create(provider, section);
    }

    /** Binds with the context and creates: the order Threshold uses for every curriculum. */
    public <C> Curriculum create(CurriculumProvider<C> provider, ConfigSection section) {
        return provider.create(provider.config(section, this), this);
    }
}
