package org.threshold.api.plugin;

/**
 * A plugin that could not be loaded, or a jar that could not be read: printed as
 * {@code origin: message}, e.g. {@code plugins/broken.jar: not a jar (zip) file: zip END header not found}.
 *
 * @param origin the jar (or "class path") the problem is in
 * @param message what went wrong, with the cause
 */
public record PluginProblem(String origin, String message) {

    @Override
    public String toString() {
        return origin + ": " + message;
    }
}
