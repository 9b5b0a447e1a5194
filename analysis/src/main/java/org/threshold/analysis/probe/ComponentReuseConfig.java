package org.threshold.analysis.probe;

import org.threshold.api.config.ConfigSection;

/**
 * {@code {type: component-reuse, group: {...}, pairs: 0, seed: 1}}.
 *
 * @param group which runs to probe (default: every run); each is measured on its own
 * @param pairs how many (x, y) pairs; 0 for all n² (the default), otherwise a seeded sample of distinct pairs
 * @param seed the seed of the sample and of the donors
 */
public record ComponentReuseConfig(RunFilter group, int pairs, long seed) {

    static ComponentReuseConfig bind(ConfigSection s) {
        RunFilter group = s.has("group") ? RunFilter.bind(s.section("group"), 0) : RunFilter.all("all runs");
        return new ComponentReuseConfig(group, s.integer("pairs", 0, 0, 1_000_000), s.longInteger("seed", 1, 0, Long.MAX_VALUE));
    }
}
