package org.threshold.api.plugin;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.threshold.api.ApiVersion;
import org.threshold.api.Plugin;

/**
 * Finds providers with {@link ServiceLoader} on the class path and in every jar of a plugins
 * directory, each jar in its own class loader whose parent is the application's, so a researcher
 * drops {@code my-task.jar} in and writes {@code task: {type: my-task}}.
 *
 * <p>A plugin that fails (a jar that is no zip, a provider whose constructor throws, one built
 * against another API so that a class or method is missing, a second provider with a name already
 * taken, a jar whose manifest says it was built for another major version of the api,
 * {@link ApiVersion}) becomes a {@link PluginProblem} naming its jar and cause; the others load
 * regardless.
 *
 * <p>A jar's class loader delegates to the application loader, so ServiceLoader over the jar also
 * sees the class path's providers again; only providers whose class that jar's loader defined are
 * kept from it (DESIGN.md), otherwise every built-in would look like a duplicate of itself.
 */
public final class PluginDiscovery {

    /** The environment variable naming the plugins directory when no option does. */
    public static final String ENVIRONMENT_VARIABLE = "THRESHOLD_PLUGINS";

    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    /** A services file that lists a class that is its own descendant would never end; this ends it. */
    private static final int MAX_PROVIDERS_PER_LOADER = 10_000;

    private final List<PluginKind<?>> kinds;
    private final List<LoadedPlugin<?>> loaded = new ArrayList<>();
    private final Map<String, LoadedPlugin<?>> byKindAndName = new HashMap<>();
    private final List<PluginProblem> problems = new ArrayList<>();
    private final Set<String> classPathErrors = new HashSet<>();

    private PluginDiscovery(List<PluginKind<?>> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    /**
     * The plugins directory to use: the option when given, else {@link #ENVIRONMENT_VARIABLE}
     * when set and not empty, else none.
     */
    public static Optional<Path> pluginsDirectory(Optional<Path> option, Map<String, String> environment) {
        if (option.isPresent()) {
            return option;
        }
        String fromEnvironment = environment.getOrDefault(ENVIRONMENT_VARIABLE, "");
        return fromEnvironment.isBlank() ? Optional.empty() : Optional.of(Path.of(fromEnvironment));
    }

    /**
     * Discovers the providers of {@code kinds}.
     *
     * @param kinds what to look for, e.g. {@link PluginKind#SPI}
     * @param pluginsDirectory a directory whose {@code *.jar} files are plugins (subdirectories
     *     and other files are ignored)
     * @param parent the application class loader: the class path's providers, and the parent of
     *     every plugin jar's loader
     * @throws IllegalArgumentException when the plugins directory does not exist
     */
    public static Plugins discover(List<PluginKind<?>> kinds, Optional<Path> pluginsDirectory, ClassLoader parent) {
        PluginDiscovery discovery = new PluginDiscovery(kinds);
        for (PluginKind<?> kind : kinds) {
            discovery.load(kind, parent, null, "class path");
        }
        List<URLClassLoader> loaders = new ArrayList<>();
        if (pluginsDirectory.isPresent()) {
            for (Path jar : jars(pluginsDirectory.get())) {
                discovery.loadJar(jar, parent).ifPresent(loaders::add);
            }
        }
        return new Plugins(kinds, discovery.loaded, discovery.problems, loaders);
    }

    private static List<Path> jars(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("the plugins directory " + directory + " does not exist or is not a directory");
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list the plugins directory " + directory + ": " + e.getMessage(), e);
        }
    }

    private Optional<URLClassLoader> loadJar(Path jar, ClassLoader parent) {
        String origin = jar.toString();
        List<String> services = new ArrayList<>();
        Optional<String> builtFor;
        try (JarFile file = new JarFile(jar.toFile())) {
            builtFor = ApiVersion.stampedIn(file.getManifest());
            for (PluginKind<?> kind : kinds) {
                if (file.getEntry("META-INF/services/" + kind.type().getName()) != null) {
                    services.add(kind.type().getName());
                }
            }
        } catch (IOException e) {
            problems.add(new PluginProblem(origin, "not a jar (zip) file: " + e.getMessage()));
            return Optional.empty();
        }
        if (services.isEmpty()) {
            problems.add(new PluginProblem(origin, "provides no Threshold plugin (no META-INF/services file for "
                    + String.join(", ", kinds.stream().map(k -> k.type().getSimpleName()).toList()) + ")"));
            return Optional.empty();
        }
        Optional<String> refused = builtFor.flatMap(PluginDiscovery::versionProblem);
        if (refused.isPresent()) {
            problems.add(new PluginProblem(origin, refused.get()));
            return Optional.empty();
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("plugin " + jar.getFileName(), new URL[] {jar.toUri().toURL()}, parent);
        } catch (MalformedURLException e) {
            problems.add(new PluginProblem(origin, "cannot be opened: " + e.getMessage()));
            return Optional.empty();
        }
        int before = loaded.size();
        for (PluginKind<?> kind : kinds) {
            if (services.contains(kind.type().getName())) {
                load(kind, loader, loader, origin);
            }
        }
        if (loaded.size() == before && problems.stream().noneMatch(p -> p.origin().equals(origin))) {
            problems.add(new PluginProblem(origin, "provides no plugin of its own (the classes its services files list"
                    + " are already on the class path)"));
        }
        return Optional.of(loader);
    }

    /**
     * Why a jar stamped with {@code stamped} (its manifest's {@value ApiVersion#MANIFEST_ATTRIBUTE})
     * is not loaded; empty when it is. A jar without the stamp is loaded: it may fail on a missing
     * class, which is reported with a hint to the version.
     */
    static Optional<String> versionProblem(String stamped) {
        ApiVersion running = ApiVersion.CURRENT;
        Optional<ApiVersion> built = ApiVersion.parse(stamped);
        if (built.isEmpty()) {
            return Optional.of("its manifest's " + ApiVersion.MANIFEST_ATTRIBUTE + " is '" + stamped + "', which is not a "
                    + "version (expected e.g. " + running + "); it is not loaded");
        }
        if (!built.get().loadsIn(running)) {
            return Optional.of("was built for Threshold API " + built.get() + " (major version " + built.get().major()
                    + "), but this Threshold has API " + running + " (major version " + running.major()
                    + "); it is not loaded: rebuild it against threshold-api " + running);
        }
        return Optional.empty();
    }

    /**
     * Loads the providers of one kind that {@code loader} sees; with a jar loader, only those its
     * jar defines.
     */
    private <P extends Plugin> void load(PluginKind<P> kind, ClassLoader loader, URLClassLoader jarLoader, String origin) {
        Iterator<ServiceLoader.Provider<P>> providers = ServiceLoader.load(kind.type(), loader).stream().iterator();
        for (int i = 0; i < MAX_PROVIDERS_PER_LOADER; i++) {
            ServiceLoader.Provider<P> found;
            try {
                if (!providers.hasNext()) {
                    return;
                }
                found = providers.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                failed(origin, kind, e, jarLoader == null);
                continue;
            }
            if (jarLoader != null && found.type().getClassLoader() != jarLoader) {
                continue;
            }
            PluginOrigin where = jarLoader != null ? new PluginOrigin(Path.of(origin), true) : PluginOrigin.of(found.type());
            try {
                P provider = found.get();
                add(kind, provider, where);
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                failed(where.toString(), kind, e, jarLoader == null);
            }
        }
        problems.add(new PluginProblem(origin, "lists more than " + MAX_PROVIDERS_PER_LOADER + " " + kind.name()
                + " providers; the rest are ignored"));
    }

    private <P extends Plugin> void add(PluginKind<P> kind, P provider, PluginOrigin where) {
        String className = provider.getClass().getName();
        String name;
        String description;
        try {
            name = provider.name();
            description = provider.description();
        } catch (RuntimeException | LinkageError e) {
            problems.add(new PluginProblem(where.toString(), kind.name() + " provider " + className
                    + " failed to give its name and description: " + cause(e)));
            return;
        }
        if (name == null || !KEBAB_CASE.matcher(name).matches()) {
            problems.add(new PluginProblem(where.toString(), kind.name() + " provider " + className + " has the name '"
                    + name + "', which is not kebab-case (like my-task); it is ignored"));
            return;
        }
        String oneLine = description == null ? "" : description.strip().replaceAll("\\s*\\R\\s*", " ");
        LoadedPlugin<P> plugin = new LoadedPlugin<>(kind, name, oneLine, provider, where);
        LoadedPlugin<?> first = byKindAndName.putIfAbsent(kind.name() + "/" + name, plugin);
        if (first != null) {
            problems.add(new PluginProblem(where.toString(), "a second " + kind.name() + " plugin named '" + name + "' ("
                    + className + ") is ignored; the one from " + first.origin() + " (" + first.className()
                    + ") is used"));
            return;
        }
        loaded.add(plugin);
    }

    private void failed(String origin, PluginKind<?> kind, Throwable e, boolean onClassPath) {
        String message = kind.name() + " provider " + describe(e);
        if (onClassPath) {
            classPathErrors.add(message);
        } else if (classPathErrors.contains(message)) {
            // A jar's loader sees the class path's broken services entries again: reported once.
            return;
        }
        problems.add(new PluginProblem(origin, message));
    }

    /** "org.example.Task could not be instantiated: IllegalStateException: boom" and the like. */
    private static String describe(Throwable e) {
        if (e instanceof ServiceConfigurationError) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            // ServiceLoader prefixes its messages with the service interface's name.
            int colon = message.indexOf(": ");
            String what = colon >= 0 ? message.substring(colon + 2) : message;
            what = what.startsWith("Provider ") ? what.substring("Provider ".length()) : what;
            return e.getCause() == null ? what : what + ": " + cause(e.getCause());
        }
        return "failed to load: " + cause(e);
    }

    /**
     * The innermost cause, as "SimpleName: message"; a linkage error is kept rather than the
     * ClassNotFoundException under it, since it says what happened (a class missing at run time).
     */
    private static String cause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && !(root instanceof LinkageError)) {
            root = root.getCause();
        }
        String message = root.getMessage();
        String hint = root instanceof LinkageError ? " (was it built against another version of threshold-api?)" : "";
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message) + hint;
    }
}
