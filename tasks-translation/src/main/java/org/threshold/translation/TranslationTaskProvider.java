package org.threshold.translation;

import org.threshold.api.config.ConfigSection;
import org.threshold.api.task.Task;
import org.threshold.api.task.TaskContext;
import org.threshold.api.task.TaskProvider;

/** The {@code translation} task: {@code task: {type: translation, …}}, keys in the module's README. */
public final class TranslationTaskProvider implements TaskProvider<TranslationConfig> {

    public static final String NAME = "translation";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Triangle translation between token languages: sparse edges learned by composition (tiny-models paper, section 3)";
    }

    @Override
    public TranslationConfig config(ConfigSection section) {
        return TranslationBinder.bind(section);
    }

    @Override
    public Task create(TranslationConfig config, TaskContext context) {
        return new TranslationTask(config, context.seed());
    }
}
