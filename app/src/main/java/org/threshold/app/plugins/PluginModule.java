package org.threshold.app.plugins;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import java.util.List;
import org.threshold.api.Plugin;
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
 * <p>A module that adds a plugin kind (the trainer's sweep executors) appends it to {@link #KINDS}
 * and binds it in {@link #configure()} the same way.
 */
public final class PluginModule extends AbstractModule {

    /** The kinds discovery looks for, in listing order. */
    public static final List<PluginKind<?>> KINDS = List.of(PluginKind.TASK, PluginKind.CURRICULUM, PluginKind.MODEL,
            PluginKind.PROBE, SweepExecutorProvider.KIND);

    private final Plugins plugins;

    public PluginModule(Plugins plugins) {
        this.plugins = plugins;
    }

    @Override
    protected void configure() {
        bind(Plugins.class).toInstance(plugins);
        bindByName(PluginKind.TASK, new TypeLiteral<TaskProvider<?>>() { });
        bindByName(PluginKind.CURRICULUM, new TypeLiteral<CurriculumProvider<?>>() { });
        bindByName(PluginKind.MODEL, new TypeLiteral<ModelProvider<?>>() { });
        bindByName(PluginKind.PROBE, new TypeLiteral<ProbeProvider<?>>() { });
        bindByName(SweepExecutorProvider.KIND, new TypeLiteral<SweepExecutorProvider<?>>() { });
    }

    private <P extends Plugin> void bindByName(PluginKind<P> kind, TypeLiteral<P> type) {
        MapBinder<String, P> byName = MapBinder.newMapBinder(binder(), TypeLiteral.get(String.class), type);
        plugins.providers(kind).forEach((name, provider) -> byName.addBinding(name).toInstance(provider));
    }
}
