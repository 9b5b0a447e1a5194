package org.example.buggy;

import java.util.Map;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.task.Task;
import org.threshold.api.task.TaskContext;
import org.threshold.api.task.TaskProvider;

/** A plugin with a bug in create(): Threshold must report an internal failure, not bad input. */
public final class BuggyTaskProvider implements TaskProvider<String> {

    private final Map<String, String> tables = Map.of("small", "3");

    @Override
    public String name() {
        return "buggy";
    }

    @Override
    public String description() {
        return "Loads, binds, then fails with a bug when creating its task";
    }

    @Override
    public String config(ConfigSection section) {
        return section.text("table", "large");
    }

    @Override
    public Task create(String table, TaskContext context) {
        int size = tables.get(table).length();
        throw new IllegalStateException("unreachable for table " + table + " of size " + size);
    }
}
