package org.threshold.analysis.probe;

import java.util.List;

/**
 * {@code {type: embedding-pca, groups: [...], components: 4, elements: []}}.
 *
 * @param groups the groups to average and compare side by side; empty: one per mixture
 * @param components how many top principal components to measure and draw
 * @param elements the element tokens in element order; empty: detected ({@link ElementTokens})
 */
public record EmbeddingPcaConfig(List<RunFilter> groups, int components, List<String> elements) {

    /** Best runs standing in for a group that no run passes (SPEC section 7, issue 9). */
    public static final int DEFAULT_FALLBACK = 3;

    public EmbeddingPcaConfig {
        groups = List.copyOf(groups);
        elements = List.copyOf(elements);
    }

    static EmbeddingPcaConfig bind(org.threshold.api.config.ConfigSection s) {
        return new EmbeddingPcaConfig(GroupList.bind(s, DEFAULT_FALLBACK), s.integer("components", 4, 2, 64),
                s.texts("elements", List.of()));
    }
}
