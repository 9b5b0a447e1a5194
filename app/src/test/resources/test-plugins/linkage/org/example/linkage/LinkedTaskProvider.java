package org.example.linkage;

import org.threshold.api.config.ConfigSection;
import org.threshold.api.task.Task;
import org.threshold.api.task.TaskContext;
import org.threshold.api.task.TaskProvider;

/** A plugin that needs a class its jar does not have. */
public final class LinkedTaskProvider implements TaskProvider<Object> {

    private final Tables tables = new Tables();

    @Override
    public String name() {
        return "linked-" + tables.size();
    }

    @Override
    public String description() {
        return "Never links";
    }

    @Override
    public Object config(ConfigSection section) {
        return section;
    }

    @Override
    public Task create(Object config, TaskContext context) {
        throw new IllegalStateException("never created: the class cannot be linked");
    }
}
