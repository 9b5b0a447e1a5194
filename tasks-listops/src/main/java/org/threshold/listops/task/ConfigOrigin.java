package org.threshold.listops.task;

import org.threshold.api.config.ConfigProblem;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.config.Mark;

/**
 * Where a task's config section was read, kept in the config record so that problems found only
 * when the data is made (a split that cannot be filled) still point at the file and key.
 *
 * @param path the section's dotted YAML path, e.g. {@code task}
 * @param mark where the section starts
 */
public record ConfigOrigin(String path, Mark mark) {

    /** For configs built in code rather than read from a file. */
    public static final ConfigOrigin IN_CODE = new ConfigOrigin("task", Mark.unknown("config built in code"));

    public static ConfigOrigin of(ConfigSection section) {
        return new ConfigOrigin(section.path(), section.mark());
    }

    /** A problem at a key of this section. */
    public ConfigProblem problem(String key, String message) {
        return new ConfigProblem(mark, path.isEmpty() ? key : path + "." + key, message);
    }
}
