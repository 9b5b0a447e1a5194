package org.threshold.api.plugin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threshold.api.Plugin;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.config.DidYouMean;

/**
 * The {@code type} key of a plugin section ({@code task: {type: listops, ...}}): picks the
 * provider by name. An unknown name is a problem that lists the names there are, with "did you
 * mean" for a near miss; the section's other keys are then accepted as written, since no binder
 * can say which of them are right.
 */
public final class PluginType {

    public static final String KEY = "type";

    private PluginType() {
    }

    /**
     * @param section the plugin's section
     * @param kind for messages ("expected one of the task plugins ...")
     * @param providers the providers of that kind by name
     * @param defaultType the type when the section gives none (the curriculum's {@code constant});
     *     empty when {@code type} is required
     * @return the provider, or empty after recording a problem in {@code section}
     */
    public static <P extends Plugin> Optional<P> select(ConfigSection section, PluginKind<P> kind,
                                                        Map<String, P> providers, Optional<String> defaultType) {
        List<String> names = List.copyOf(providers.keySet());
        String expected = names.isEmpty()
                ? "expected the name of a " + kind.name() + " plugin"
                : "expected one of the " + kind.name() + " plugins " + String.join(", ", names);
        String noneInstalled = names.isEmpty()
                ? "; no " + kind.name() + " plugin is installed (threshold plugins lists what was found)" : "";
        if (!section.has(KEY) && defaultType.isEmpty()) {
            section.optionalText(KEY);
            section.problem(KEY, expected + ", found no type" + noneInstalled);
            acceptRemainingKeys(section);
            return Optional.empty();
        }
        String type = section.text(KEY, defaultType.orElse(""));
        P provider = providers.get(type);
        if (provider == null) {
            String typePath = section.path().isEmpty() ? KEY : section.path() + "." + KEY;
            if (section.problems().stream().noneMatch(p -> p.path().equals(typePath))) {
                section.problem(KEY, expected + ", found '" + type + "'" + DidYouMean.hint(type, names) + noneInstalled);
            }
            acceptRemainingKeys(section);
            return Optional.empty();
        }
        return Optional.of(provider);
    }

    private static void acceptRemainingKeys(ConfigSection section) {
        section.keys().forEach(section::node);
    }
}
