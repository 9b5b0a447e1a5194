package org.threshold.trainer.curriculum;

import java.util.List;
import java.util.Map;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.curriculum.Curriculum;
import org.threshold.api.curriculum.CurriculumContext;
import org.threshold.api.curriculum.CurriculumProvider;

/**
 * {@code curriculum: {type: constant, weights: {MAX: 1, SUM: 2}}}: one mixture for the whole run.
 * Without {@code weights}, the task's own weights (what a run file without a {@code curriculum}
 * section gets). Weights may be a mapping or a list of component names (weight 1 each).
 */
public final class ConstantCurriculumProvider implements CurriculumProvider<ConstantCurriculumProvider.Config> {

    /**
     * @param weights by component name; empty means the task's own weights
     */
    public record Config(Map<String, Double> weights) {

        public Config {
            weights = Map.copyOf(weights);
        }
    }

    @Override
    public String name() {
        return "constant";
    }

    @Override
    public String description() {
        return "A fixed mixture of the task's components (default: the task's own weights)";
    }

    /** Without the task the names cannot be checked here; {@link #create} checks them. */
    @Override
    public Config config(ConfigSection section) {
        return new Config(section.weights("weights", Map.of(), List.of()));
    }

    /** With the task: names are checked where they are written, and the default is resolved. */
    @Override
    public Config config(ConfigSection section, CurriculumContext context) {
        return new Config(section.weights("weights", context.defaultWeights(), context.components()));
    }

    @Override
    public Curriculum create(Config config, CurriculumContext context) {
        Map<String, Double> weights = config.weights().isEmpty() ? context.defaultWeights() : config.weights();
        for (String name : weights.keySet()) {
            if (!context.components().contains(name)) {
                throw new IllegalArgumentException("the constant curriculum weights '" + name
                        + "', which is not a component of the task (" + String.join(", ", context.components()) + ")");
            }
        }
        // Keep the task's component order, whatever order the config wrote the weights in.
        Map<String, Double> ordered = new java.util.LinkedHashMap<>();
        context.components().forEach(c -> {
            if (weights.containsKey(c)) {
                ordered.put(c, weights.get(c));
            }
        });
        return new ConstantCurriculum(ordered);
    }
}
