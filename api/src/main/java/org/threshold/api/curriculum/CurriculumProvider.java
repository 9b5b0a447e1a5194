package org.threshold.api.curriculum;

import org.threshold.api.Plugin;
import org.threshold.api.config.ConfigSection;

/**
 * Creates a curriculum from its typed config. Discovered with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.threshold.api.curriculum.CurriculumProvider}).
 *
 * @param <C> the curriculum's config record
 */
public interface CurriculumProvider<C> extends Plugin {

    /** Binds the {@code curriculum:} section (without {@code type}); problems go to the section. */
    C config(ConfigSection section);

    /**
     * Binds the section knowing the task the curriculum will run on, so that component names are
     * checked where they are written (with "did you mean") and a default can be the task's own
     * weights. Threshold binds curricula through this method (top-level and nested ones alike,
     * once the task exists); the default ignores the context.
     */
    default C config(ConfigSection section, CurriculumContext context) {
        return config(section);
    }

    Curriculum create(C config, CurriculumContext context);
}
