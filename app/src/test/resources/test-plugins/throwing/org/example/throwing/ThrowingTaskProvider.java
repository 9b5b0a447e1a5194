package org.example.throwing;

import org.threshold.api.config.ConfigSection;
import org.threshold.api.task.Task;
import org.threshold.api.task.TaskContext;
import org.threshold.api.task.TaskProvider;

/** A plugin whose constructor fails, as one that needs a resource its jar forgot would. */
public final class ThrowingTaskProvider implements TaskProvider<Object> {

    private final TaskProvider<Object> delegate;

    public ThrowingTaskProvider() {
        throw new IllegalStateException("the tables file throwing.tsv is not in the jar");
    }

    @Override
    public String name() {
        return "throwing";
    }

    @Override
    public String description() {
        return "Never loads";
    }

    @Override
    public Object config(ConfigSection section) {
        return delegate.config(section);
    }

    @Override
    public Task create(Object config, TaskContext context) {
        return delegate.create(config, context);
    }
}
