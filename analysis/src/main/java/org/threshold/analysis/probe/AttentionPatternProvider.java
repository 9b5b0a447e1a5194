package org.threshold.analysis.probe;

import org.threshold.api.config.ConfigSection;
import org.threshold.api.probe.Probe;
import org.threshold.api.probe.ProbeProvider;

/** {@code attention-pattern}: appendix F, figure 41. */
public final class AttentionPatternProvider implements ProbeProvider<AttentionPatternConfig> {

    @Override
    public String name() {
        return "attention-pattern";
    }

    @Override
    public String description() {
        return "Attention weights of one test example per layer and head, as a heat map with the tokens on the axes";
    }

    @Override
    public AttentionPatternConfig config(ConfigSection section) {
        return AttentionPatternConfig.bind(section);
    }

    @Override
    public Probe create(AttentionPatternConfig config) {
        return new AttentionPatternProbe(config);
    }
}
