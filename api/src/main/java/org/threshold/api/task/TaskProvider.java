package org.threshold.api.task;

import java.util.Optional;
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

    /**
     * Optional capability: the operation tables of the task's binary operators, which
     * {@code threshold tables} writes as CSV and PNG so that a researcher checks the operators by
     * eye before training. Made from the config alone, without generating data. Empty, the
     * default, for a task without such operators.
     *
     * @param everyOperator every operator of the task's family, not only those the config uses
     */
    default Optional<OperationTables> operationTables(C config, boolean everyOperator) {
        return Optional.empty();
    }
}
