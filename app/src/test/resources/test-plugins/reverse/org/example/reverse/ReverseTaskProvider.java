package org.example.reverse;

import org.threshold.api.config.ConfigSection;
import org.threshold.api.task.Task;
import org.threshold.api.task.TaskContext;
import org.threshold.api.task.TaskProvider;

/** {@code task: {type: reverse}}: write a sequence of letters backwards. */
public final class ReverseTaskProvider implements TaskProvider<ReverseConfig> {

    @Override
    public String name() {
        return "reverse";
    }

    @Override
    public String description() {
        return "Reverse a sequence of letters: a small task built by the plugin tests";
    }

    @Override
    public ReverseConfig config(ConfigSection section) {
        return ReverseConfig.bind(section);
    }

    @Override
    public Task create(ReverseConfig config, TaskContext context) {
        return new ReverseTask(config, context.seed());
    }
}
