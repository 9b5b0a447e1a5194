package org.threshold.analysis.probe;

import org.threshold.api.config.ConfigSection;
import org.threshold.api.probe.Probe;
import org.threshold.api.probe.ProbeProvider;

/** {@code layer-ratios}: appendix F's attention and feed-forward ratios, two groups compared. */
public final class LayerRatiosProvider implements ProbeProvider<LayerRatiosConfig> {

    @Override
    public String name() {
        return "layer-ratios";
    }

    @Override
    public String description() {
        return "Attention and feed-forward output/input norm ratios per token, two groups compared (KS, JSD, W1, Cohen's d)";
    }

    @Override
    public LayerRatiosConfig config(ConfigSection section) {
        return LayerRatiosConfig.bind(section);
    }

    @Override
    public Probe create(LayerRatiosConfig config) {
        return new LayerRatiosProbe(config);
    }
}
