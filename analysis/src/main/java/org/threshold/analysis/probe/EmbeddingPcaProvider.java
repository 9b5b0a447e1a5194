package org.threshold.analysis.probe;

import org.threshold.api.config.ConfigSection;
import org.threshold.api.probe.Probe;
import org.threshold.api.probe.ProbeProvider;

/** {@code embedding-pca}: paper section 3, figure 2. */
public final class EmbeddingPcaProvider implements ProbeProvider<EmbeddingPcaConfig> {

    @Override
    public String name() {
        return "embedding-pca";
    }

    @Override
    public String description() {
        return "PCA of the element embeddings' cosine similarity, averaged per group of runs, with parity and order numbers";
    }

    @Override
    public EmbeddingPcaConfig config(ConfigSection section) {
        return EmbeddingPcaConfig.bind(section);
    }

    @Override
    public Probe create(EmbeddingPcaConfig config) {
        return new EmbeddingPcaProbe(config);
    }
}
