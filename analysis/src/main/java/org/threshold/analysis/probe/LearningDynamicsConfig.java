package org.threshold.analysis.probe;

import java.util.List;
import org.threshold.api.config.ConfigSection;

/**
 * {@code {type: learning-dynamics, groups: [...], metrics: [], steps: [], components: 4, elements: []}}.
 *
 * @param groups groups of runs (curves per run, embedding PCs averaged per group); empty: one per mixture
 * @param metrics the accuracy metrics drawn; empty: every {@code accuracy*} metric of the runs' history
 * @param steps checkpoint steps for the embedding PCs; empty: every step all of a group's runs kept
 * @param components how many top components per step
 * @param elements the element tokens in element order; empty: detected ({@link ElementTokens})
 */
public record LearningDynamicsConfig(List<RunFilter> groups, List<String> metrics, List<Long> steps, int components,
                                     List<String> elements) {

    public LearningDynamicsConfig {
        groups = List.copyOf(groups);
        metrics = List.copyOf(metrics);
        steps = List.copyOf(steps);
        elements = List.copyOf(elements);
    }

    static LearningDynamicsConfig bind(ConfigSection s) {
        List<Long> steps = s.integers("steps", List.of(), 0, Integer.MAX_VALUE).stream().map(Integer::longValue).toList();
        return new LearningDynamicsConfig(GroupList.bind(s, 0), s.texts("metrics", List.of()), steps,
                s.integer("components", 4, 1, 64), s.texts("elements", List.of()));
    }
}
