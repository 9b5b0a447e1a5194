package org.threshold.assignadd;

import org.threshold.api.config.ConfigSection;
import org.threshold.api.task.Task;
import org.threshold.api.task.TaskContext;
import org.threshold.api.task.TaskProvider;

/** The {@code assign-add} task: {@code task: {type: assign-add, …}}, keys in the module's README. */
public final class AssignAddProvider implements TaskProvider<AssignAddConfig> {

    public static final String NAME = "assign-add";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Variable assignment and modular addition with a compositional split (SPEC section 8; Exoo, Bietti and Sous)";
    }

    @Override
    public AssignAddConfig config(ConfigSection section) {
        return AssignAddConfig.bind(section);
    }

    @Override
    public Task create(AssignAddConfig config, TaskContext context) {
        return new AssignAddTask(config, context.seed());
    }
}
