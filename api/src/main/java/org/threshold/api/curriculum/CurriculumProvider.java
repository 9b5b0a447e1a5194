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

    Curriculum create(C config, CurriculumContext context);
}
