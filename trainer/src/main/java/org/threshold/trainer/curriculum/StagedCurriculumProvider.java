package org.threshold.trainer.curriculum;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.config.DidYouMean;
import org.threshold.api.curriculum.Curriculum;
import org.threshold.api.curriculum.CurriculumContext;
import org.threshold.api.curriculum.CurriculumProvider;

/**
 * {@code curriculum: {type: staged, stages: [...]}} ({@link StagedCurriculum}): each stage holds
 * any curriculum under {@code curriculum} (bound by the same rules as the top-level section) and,
 * except the last, a condition under {@code until}:
 *
 * <pre>{@code
 * curriculum:
 *   type: staged
 *   stages:
 *     - curriculum: {type: constant, weights: [MAX, MED]}
 *       until: {accuracy: [MAX, MED], at_least: 0.95, step: 20000}
 *     - curriculum: {type: linear, from: [MAX, MED], to: [SUM], span: 1000}
 * }</pre>
 *
 * <p>The nested curricula are created while the section is bound (their keys are checked then,
 * with everything else), so a config creates one curriculum.
 */
public final class StagedCurriculumProvider implements CurriculumProvider<StagedCurriculumProvider.Config> {

    /** @param stages in order, with their curricula created */
    public record Config(List<CurriculumStage> stages) {

        public Config {
            stages = List.copyOf(stages);
        }
    }

    @Override
    public String name() {
        return "staged";
    }

    @Override
    public String description() {
        return "Stages of any curricula, each until a condition holds (accuracy on named components, or a step)";
    }

    /**
     * A stage's curriculum names the task's components, so the stages are bound only with the task
     * ({@link #config(ConfigSection, CurriculumContext)}, as Threshold binds every curriculum).
     */
    @Override
    public Config config(ConfigSection section) {
        section.node("stages");
        section.problem("stages", "a staged curriculum's stages are bound knowing the task's components; bind it with a"
                + " curriculum context");
        return new Config(List.of());
    }

    @Override
    public Config config(ConfigSection section, CurriculumContext context) {
        List<ConfigSection> stageSections = section.sections("stages");
        if (stageSections.isEmpty() && section.problems().isEmpty()) {
            section.problem("stages", "expected a list of stages, each {curriculum: {...}, until: {...}} (the last without"
                    + " until), found none");
        }
        List<CurriculumStage> stages = new ArrayList<>();
        for (int i = 0; i < stageSections.size(); i++) {
            stages.add(stage(stageSections.get(i), i, i == stageSections.size() - 1, context));
        }
        return new Config(stages);
    }

    private static CurriculumStage stage(ConfigSection s, int index, boolean last, CurriculumContext context) {
        Optional<String> name = s.optionalText("name");
        name.filter(String::isBlank).ifPresent(n -> s.problem("name", "expected a label for the stage, found an empty text"));
        ConfigSection nested = s.section("curriculum");
        Curriculum curriculum = context.create(nested);
        if (index > 0 && curriculum.startFrom().isPresent()) {
            s.problem("curriculum", "a warm start applies where training begins: put it in the first stage (or around the"
                    + " staged curriculum), not in stage " + index);
        }
        Optional<Until> until = Optional.empty();
        if (s.has("until")) {
            until = until(s.section("until"), context.components());
            if (last) {
                s.problem("until", "the last stage lasts to the end of the run, so it has no condition; remove until or"
                        + " add a stage after it");
            }
        } else if (!last) {
            s.problem("until", "stage " + index + " is not the last, so it needs a condition, e.g. until: {accuracy: [MAX],"
                    + " at_least: 0.95} or until: {step: 5000}; found none");
        }
        return new CurriculumStage(name.filter(n -> !n.isBlank()), curriculum, last ? Optional.empty() : until);
    }

    private static Optional<Until> until(ConfigSection u, List<String> components) {
        List<String> accuracy = u.texts("accuracy", List.of());
        double atLeast = u.number("at_least", Until.DEFAULT_AT_LEAST, 0, 1);
        OptionalInt step = u.optionalInteger("step", 1, Integer.MAX_VALUE);
        boolean ok = u.problems().isEmpty();
        for (String name : accuracy) {
            if (!components.contains(name)) {
                u.problem("accuracy", "expected components of the task (" + String.join(", ", components) + "), found '"
                        + name + "'" + DidYouMean.hint(name, components));
                ok = false;
            }
        }
        if (accuracy.isEmpty() && step.isEmpty() && ok) {
            u.problem("accuracy", "expected a condition: accuracy (components whose test accuracy must reach at_least), step,"
                    + " or both; found neither");
            ok = false;
        }
        if (!ok) {
            return Optional.empty();
        }
        OptionalLong s = step.isPresent() ? OptionalLong.of(step.getAsInt()) : OptionalLong.empty();
        return Optional.of(new Until(accuracy, atLeast, s));
    }

    @Override
    public Curriculum create(Config config, CurriculumContext context) {
        return new StagedCurriculum(config.stages());
    }
}
