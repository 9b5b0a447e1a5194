package org.threshold.analysis.probe;

import java.util.Optional;
import org.threshold.api.config.ConfigSection;

/**
 * {@code {type: layer-ratios, a: {...}, b: {...}, eval_set: SUM, prompts: 200, sequence: equation,
 * layer: -1}}. The statistics use {@link org.threshold.analysis.distribution.DistributionComparison}'s
 * defaults, the same the histogram picture shows: 50 shared bins for the Jensen–Shannon divergence
 * and a 95% interval of the mean difference.
 *
 * @param a group a (the paper's ALL3), a {@link RunFilter}; empty: the first mixture of the runs
 * @param b group b (the paper's SUM); empty: the second mixture
 * @param sequences the test sequences every run of both groups reads
 * @param layer the 0-based layer (application, for a recurrent model); -1 the last (appendix F)
 */
public record LayerRatiosConfig(Optional<RunFilter> a, Optional<RunFilter> b, TestSequences sequences, int layer) {

    static LayerRatiosConfig bind(ConfigSection s) {
        Optional<RunFilter> a = s.has("a") ? Optional.of(RunFilter.bind(s.section("a"), EmbeddingPcaConfig.DEFAULT_FALLBACK))
                : Optional.empty();
        Optional<RunFilter> b = s.has("b") ? Optional.of(RunFilter.bind(s.section("b"), EmbeddingPcaConfig.DEFAULT_FALLBACK))
                : Optional.empty();
        if (a.isPresent() != b.isPresent()) {
            s.problem(a.isPresent() ? "b" : "a", "expected both groups a and b (e.g. a: {mixture: MAX+MED+SUM}, b: {mixture: SUM}), "
                    + "or neither (the runs' two mixtures)");
        }
        if (a.isPresent() && b.isPresent() && a.get().name().equals(b.get().name())) {
            s.problem("b", "groups a and b are both named '" + a.get().name() + "'; give them different filters or names");
        }
        return new LayerRatiosConfig(a, b, TestSequences.bind(s, 200), s.integer("layer", -1, -1, 1024));
    }
}
