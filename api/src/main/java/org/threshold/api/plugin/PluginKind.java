package org.threshold.api.plugin;

import java.util.List;
import org.threshold.api.Plugin;
import org.threshold.api.curriculum.CurriculumProvider;
import org.threshold.api.model.ModelProvider;
import org.threshold.api.probe.ProbeProvider;
import org.threshold.api.task.TaskProvider;

/**
 * A kind of plugin: the word used in messages and listings ({@code task}) and the provider
 * interface that {@link java.util.ServiceLoader} looks up. The four kinds of the SPI are here;
 * other modules define more (a sweep executor) and pass them to {@link PluginDiscovery}.
 *
 * @param name lower-case word for listings and messages, e.g. "task"
 * @param type the provider interface, listed in {@code META-INF/services/<type>}
 * @param <P> the provider interface
 */
public record PluginKind<P extends Plugin>(String name, Class<P> type) {

    public static final PluginKind<TaskProvider<?>> TASK = new PluginKind<>("task", generic(TaskProvider.class));
    public static final PluginKind<CurriculumProvider<?>> CURRICULUM =
            new PluginKind<>("curriculum", generic(CurriculumProvider.class));
    public static final PluginKind<ModelProvider<?>> MODEL = new PluginKind<>("model", generic(ModelProvider.class));
    public static final PluginKind<ProbeProvider<?>> PROBE = new PluginKind<>("probe", generic(ProbeProvider.class));

    /** The kinds of the SPI, in the order listings show them. */
    public static final List<PluginKind<?>> SPI = List.of(TASK, CURRICULUM, MODEL, PROBE);

    public PluginKind {
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("a plugin kind is a lower-case word, got '" + name + "'");
        }
    }

    /** Provider interfaces are generic in their config record; ServiceLoader needs the raw class. */
    @SuppressWarnings("unchecked")
    private static <P> Class<P> generic(Class<?> raw) {
        return (Class<P>) raw;
    }
}
