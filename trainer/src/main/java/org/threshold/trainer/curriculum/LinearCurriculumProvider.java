package org.threshold.trainer.curriculum;

import java.util.List;
import java.util.Map;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.curriculum.Curriculum;
import org.threshold.api.curriculum.CurriculumContext;
import org.threshold.api.curriculum.CurriculumProvider;

/**
 * {@code curriculum: {type: linear, from: [MAX, MED], to: [SUM], start: 0, span: 1000}}: a
 * hand-over from one mixture to another over {@code span} steps after step {@code start}
 * ({@link LinearCurriculum}). {@code from} and {@code to} are weights like the constant mixture's
 * (a mapping or a list of names); both are required, and so is {@code span}.
 */
public final class LinearCurriculumProvider implements CurriculumProvider<LinearCurriculumProvider.Config> {

    /**
     * @param from the mixture up to {@code start}
     * @param to the mixture from {@code start + span} on
     * @param start the last step of {@code from} alone
     * @param span the hand-over's length in steps
     */
    public record Config(Map<String, Double> from, Map<String, Double> to, long start, long span) {

        public Config {
            from = Map.copyOf(from);
            to = Map.copyOf(to);
        }
    }

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public String description() {
        return "A hand-over from one mixture to another, the shares moving linearly over a span of steps";
    }

    /** Without the task the names cannot be checked here; {@link #create} checks them. */
    @Override
    public Config config(ConfigSection section) {
        return bind(section, List.of());
    }

    @Override
    public Config config(ConfigSection section, CurriculumContext context) {
        return bind(section, context.components());
    }

    private static Config bind(ConfigSection section, List<String> components) {
        Map<String, Double> from = required(section, "from", components);
        Map<String, Double> to = required(section, "to", components);
        long start = section.longInteger("start", 0, 0, Long.MAX_VALUE / 2);
        long span = 1;
        if (section.has("span")) {
            span = section.longInteger("span", 1, 1, Long.MAX_VALUE / 2);
        } else {
            section.problem("span", "expected the hand-over's length in steps, an integer >= 1, found none");
        }
        return new Config(from, to, start, span);
    }

    private static Map<String, Double> required(ConfigSection section, String key, List<String> components) {
        if (!section.has(key)) {
            section.problem(key, "expected the mixture " + (key.equals("from") ? "before" : "after")
                    + " the hand-over (component weights, e.g. {MAX: 1, MED: 1} or [SUM]), found none");
            return Map.of();
        }
        return section.weights(key, Map.of(), components);
    }

    @Override
    public Curriculum create(Config config, CurriculumContext context) {
        try {
            return new LinearCurriculum(config.from(), config.to(), config.start(), config.span(), context.components());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the linear curriculum: " + e.getMessage(), e);
        }
    }
}
