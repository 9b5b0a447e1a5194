package org.threshold.addition;

import org.threshold.api.config.ConfigSection;
import org.threshold.api.task.Task;
import org.threshold.api.task.TaskContext;
import org.threshold.api.task.TaskProvider;

/** The {@code addition} task: {@code task: {type: addition, …}}, keys in the module's README. */
public final class AdditionProvider implements TaskProvider<AdditionConfig> {

    public static final String NAME = "addition";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Ten-digit addition digit by digit (SPEC section 9), with AdderBoard's 10,010 cases scored at the end of a run";
    }

    @Override
    public AdditionConfig config(ConfigSection section) {
        return AdditionConfig.bind(section);
    }

    @Override
    public Task create(AdditionConfig config, TaskContext context) {
        return new AdditionTask(config, context.seed());
    }
}
