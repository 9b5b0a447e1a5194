package org.threshold.listops.task;

import java.util.LinkedHashMap;
import java.util.Map;
import org.threshold.api.config.ConfigProblem;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.config.Mark;

/**
 * Where a task's config section was read, kept in the config record so that problems found only
 * when the data is made (a split that cannot be filled) still point at the file and key.
 *
 * @param path the section's dotted YAML path, e.g. {@code task}
 * @param mark where the section starts
 * @param keys where each key the file gives is, so that a problem at {@code train_size} points at
 *     its line rather than the section's first (its {@code type})
 */
public record ConfigOrigin(String path, Mark mark, Map<String, Mark> keys) {

    /** For configs built in code rather than read from a file. */
    public static final ConfigOrigin IN_CODE = new ConfigOrigin("task", Mark.unknown("config built in code"), Map.of());

    public ConfigOrigin {
        keys = Map.copyOf(keys);
    }

    public static ConfigOrigin of(ConfigSection section) {
        Map<String, Mark> keys = new LinkedHashMap<>();
        section.keys().forEach(k -> keys.put(k, section.mark(k)));
        return new ConfigOrigin(section.path(), section.mark(), keys);
    }

    /** A problem at a key of this section: at the key when the file gives it, else at the section. */
    public ConfigProblem problem(String key, String message) {
        return new ConfigProblem(keys.getOrDefault(key, mark), path.isEmpty() ? key : path + "." + key, message);
    }
}
