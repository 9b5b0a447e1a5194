package org.threshold.app.plugins;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.threshold.api.curriculum.CurriculumProvider;
import org.threshold.api.model.ModelProvider;
import org.threshold.api.plugin.PluginKind;
import org.threshold.api.plugin.Plugins;
import org.threshold.api.probe.ProbeProvider;
import org.threshold.api.sweep.SweepExecutorProvider;
import org.threshold.api.task.TaskProvider;

/**
 * Binds what discovery found, by name, for the rest of Threshold to inject:
 * {@code Map<String, TaskProvider<?>>} and likewise for the other kinds, plus the {@link Plugins}
 * themselves (for listings and load problems). Nothing is looked up statically or by class name.
 *
 * <p>Discovery runs when something first needs a plugin, not when the injector is made: the
 * command line's {@code --plugins} option says where to look, and the commands are made (by the
 * injector) before it is parsed.
 *
 * <p>A module that adds a plugin kind appends it to {@link #KINDS} and provides its map here the
 * same way.
 */
public final class PluginModule extends AbstractModule {

    /** The kinds discovery looks for, in listing order. */
    public static final List<PluginKind<?>> KINDS = List.of(PluginKind.TASK, PluginKind.CURRICULUM, PluginKind.MODEL,
            PluginKind.PROBE, SweepExecutorProvider.KIND);

    private final Supplier<Plugins> discovery;

    /** Plugins already discovered. */
    public PluginModule(Plugins plugins) {
        this(() -> plugins);
    }

    /** @param discovery discovers the plugins; called once, on first use */
    public PluginModule(Supplier<Plugins> discovery) {
        this.discovery = discovery;
    }

    @Provides
    @Singleton
    Plugins plugins() {
        return discovery.get();
    }

    @Provides
    Map<String, TaskProvider<?>> tasks(Plugins plugins) {
        return plugins.providers(PluginKind.TASK);
    }

    @Provides
    Map<String, CurriculumProvider<?>> curricula(Plugins plugins) {
        return plugins.providers(PluginKind.CURRICULUM);
    }

    @Provides
    Map<String, ModelProvider<?>> models(Plugins plugins) {
        return plugins.providers(PluginKind.MODEL);
    }

    @Provides
    Map<String, ProbeProvider<?>> probes(Plugins plugins) {
        return plugins.providers(PluginKind.PROBE);
    }

    @Provides
    Map<String, SweepExecutorProvider<?>> executors(Plugins plugins) {
        return plugins.providers(SweepExecutorProvider.KIND);
    }
}
