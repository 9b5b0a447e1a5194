package org.threshold.analysis.probe;

import org.threshold.api.config.ConfigSection;
import org.threshold.api.probe.Probe;
import org.threshold.api.probe.ProbeProvider;

/** {@code learning-dynamics}: paper figure 4. */
public final class LearningDynamicsProvider implements ProbeProvider<LearningDynamicsConfig> {

    @Override
    public String name() {
        return "learning-dynamics";
    }

    @Override
    public String description() {
        return "Training loss and per-component accuracy over steps, and the embedding's top PCs at checkpoint steps";
    }

    @Override
    public LearningDynamicsConfig config(ConfigSection section) {
        return LearningDynamicsConfig.bind(section);
    }

    @Override
    public Probe create(LearningDynamicsConfig config) {
        return new LearningDynamicsProbe(config);
    }
}
