package org.threshold.api.plugin;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a provider came from: a jar in the plugins directory, or the class path (a jar or a
 * classes directory), so that messages about duplicates and failures name it.
 *
 * @param location the jar file or classes directory
 * @param pluginJar whether it is a jar of the plugins directory
 */
public record PluginOrigin(Path location, boolean pluginJar) {

    static PluginOrigin of(Class<?> type) {
        try {
            var source = type.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                return new PluginOrigin(Path.of(source.getLocation().toURI()), false);
            }
        } catch (java.net.URISyntaxException | IllegalArgumentException | SecurityException e) {
            // fall through: an unusual class loader; the class name still identifies the provider
        }
        return new PluginOrigin(Path.of(type.getName()), false);
    }

    /** {@code plugins/my-task.jar}, or {@code class path (threshold-tasks-listops-0.1.0.jar)}. */
    @Override
    public String toString() {
        if (pluginJar) {
            return location.toString();
        }
        boolean jar = Files.isRegularFile(location);
        return "class path (" + (jar ? location.getFileName() : location) + ")";
    }
}
