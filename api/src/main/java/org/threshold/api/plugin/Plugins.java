package org.threshold.api.plugin;

import java.io.IOException;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threshold.api.Plugin;

/**
 * What discovery found: the providers of every kind by name, and the problems of those that
 * failed to load. Holds the class loaders of the plugin jars; {@link #close()} releases them when
 * the providers are no longer used.
 */
public final class Plugins implements AutoCloseable {

    private final List<PluginKind<?>> kinds;
    private final List<LoadedPlugin<?>> loaded;
    private final List<PluginProblem> problems;
    private final List<URLClassLoader> loaders;

    Plugins(List<PluginKind<?>> kinds, List<LoadedPlugin<?>> loaded, List<PluginProblem> problems,
            List<URLClassLoader> loaders) {
        this.kinds = List.copyOf(kinds);
        List<LoadedPlugin<?>> sorted = new ArrayList<>(loaded);
        sorted.sort(Comparator.comparingInt((LoadedPlugin<?> p) -> this.kinds.indexOf(p.kind()))
                .thenComparing(LoadedPlugin::name));
        this.loaded = List.copyOf(sorted);
        this.problems = List.copyOf(problems);
        this.loaders = List.copyOf(loaders);
    }

    /** The kinds that were looked up, in listing order. */
    public List<PluginKind<?>> kinds() {
        return kinds;
    }

    /** Every provider found, by kind (in the order of {@link #kinds()}) and then by name. */
    public List<LoadedPlugin<?>> all() {
        return loaded;
    }

    /** The providers of one kind, by name, sorted by name. */
    public <P extends Plugin> Map<String, LoadedPlugin<P>> of(PluginKind<P> kind) {
        Map<String, LoadedPlugin<P>> out = new LinkedHashMap<>();
        for (LoadedPlugin<?> p : loaded) {
            if (p.kind().equals(kind)) {
                @SuppressWarnings("unchecked")
                LoadedPlugin<P> typed = (LoadedPlugin<P>) p;
                out.put(p.name(), typed);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** The provider objects of one kind, by name, sorted by name. */
    public <P extends Plugin> Map<String, P> providers(PluginKind<P> kind) {
        Map<String, P> out = new LinkedHashMap<>();
        of(kind).forEach((name, p) -> out.put(name, p.provider()));
        return Collections.unmodifiableMap(out);
    }

    public <P extends Plugin> Optional<LoadedPlugin<P>> find(PluginKind<P> kind, String name) {
        return Optional.ofNullable(of(kind).get(name));
    }

    /** Plugins that failed to load and jars that could not be read; the others work regardless. */
    public List<PluginProblem> problems() {
        return problems;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (URLClassLoader loader : loaders) {
            try {
                loader.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
