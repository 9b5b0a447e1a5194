package org.threshold.app.runfile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigException;
import org.threshold.api.config.ConfigProblem;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.curriculum.Curriculum;
import org.threshold.api.curriculum.CurriculumContext;
import org.threshold.api.curriculum.CurriculumProvider;
import org.threshold.api.plugin.PluginKind;
import org.threshold.api.plugin.PluginType;
import org.threshold.api.task.Component;
import org.threshold.api.task.Task;
import org.threshold.trainer.curriculum.ConstantCurriculum;

/**
 * The curricula of one run: built for its task's components, from the top-level
 * {@code curriculum:} section and from any section nested in it (a staged curriculum's stages),
 * all by one rule: {@code type} picks the provider ({@code constant} when absent), the provider
 * binds the section knowing the task, then creates the curriculum.
 */
final class TaskCurricula implements CurriculumContext {

    /** The curriculum of a run file without a {@code curriculum:} section or {@code type}. */
    static final String DEFAULT_TYPE = "constant";

    private final Task task;
    private final Map<String, CurriculumProvider<?>> providers;
    private final ConfigDocument document;

    TaskCurricula(Task task, Map<String, CurriculumProvider<?>> providers, ConfigDocument document) {
        this.task = task;
        this.providers = providers;
        this.document = document;
    }

    @Override
    public List<String> components() {
        return task.components().stream().map(Component::name).toList();
    }

    @Override
    public Map<String, Double> defaultWeights() {
        Map<String, Double> weights = new LinkedHashMap<>();
        task.components().forEach(c -> weights.put(c.name(), c.weight()));
        return Collections.unmodifiableMap(weights);
    }

    /**
     * Creates the curriculum a section describes. A problem is recorded (in the section, or in the
     * document when the provider refuses its config in create) and, so that binding goes on and
     * one pass reports everything, the task's own constant mixture stands in; the run file then
     * fails its check and nothing trains with it.
     */
    @Override
    public Curriculum create(ConfigSection section) {
        Optional<CurriculumProvider<?>> provider =
                PluginType.select(section, PluginKind.CURRICULUM, providers, Optional.of(DEFAULT_TYPE));
        if (provider.isEmpty()) {
            return standIn();
        }
        try {
            return bindAndCreate(provider.get(), section);
        } catch (ConfigException e) {
            e.problems().forEach(document::report);
        } catch (IllegalArgumentException e) {
            document.report(new ConfigProblem(section.mark(), section.path(), e.getMessage()));
        }
        return standIn();
    }

    private <C> Curriculum bindAndCreate(CurriculumProvider<C> provider, ConfigSection section) {
        C config = provider.config(section, this);
        if (!section.problems().isEmpty()) {
            return standIn();
        }
        return provider.create(config, this);
    }

    private Curriculum standIn() {
        return new ConstantCurriculum(defaultWeights());
    }
}
