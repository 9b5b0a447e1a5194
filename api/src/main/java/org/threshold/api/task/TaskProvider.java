package org.threshold.api.task;

import org.threshold.api.Plugin;
import org.threshold.api.config.ConfigSection;

/**
 * Creates a task from its typed config. Discovered with {@link java.util.ServiceLoader}; list the
 * implementation in {@code META-INF/services/org.threshold.api.task.TaskProvider}.
 *
 * @param <C> the task's config record
 */
public interface TaskProvider<C> extends Plugin {

    /**
     * Binds the {@code task:} section (without its {@code type} key) to the config record, with
     * defaults and validation; problems go to the section (see {@link ConfigSection}).
     */
    C config(ConfigSection section);

    /**
     * Generates the task's data. A config that validated but cannot be filled (a split that cannot
     * reach its size) throws {@link org.threshold.api.config.ConfigException} naming the keys.
     */
    Task create(C config, TaskContext context);
}
