package org.threshold.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.api.ApiVersion;

/**
 * Discovery on the class path (this module's test classes list {@link Greeting} providers) and in
 * jars written here; jars with compiled plugins are built in the app module's tests.
 */
class PluginDiscoveryTest {

    @TempDir
    Path plugins;

    private static Plugins discover(Optional<Path> directory) {
        return PluginDiscovery.discover(List.of(Greeting.KIND), directory, PluginDiscoveryTest.class.getClassLoader());
    }

    private static List<String> messages(Plugins found) {
        return found.problems().stream().map(PluginProblem::message).toList();
    }

    @Test
    void findsTheWorkingProviderAndReportsEveryBrokenOneWithItsCause() {
        Plugins found = discover(Optional.empty());
        assertThat(found.all()).extracting(LoadedPlugin::name).containsExactly("hello");
        assertThat(found.providers(Greeting.KIND).get("hello").greet("you")).isEqualTo("hello you");
        assertThat(found.find(Greeting.KIND, "hello").orElseThrow().description()).isEqualTo("Says hello politely");
        assertThat(messages(found)).containsExactly(
                "a second greeting plugin named 'hello' (org.threshold.api.plugin.Greeting$HelloAgain) is ignored; the one from "
                        + found.all().get(0).origin() + " (org.threshold.api.plugin.Greeting$Hello) is used",
                "greeting provider org.threshold.api.plugin.Greeting$Shouting has the name 'Shout!', which is not kebab-case"
                        + " (like my-task); it is ignored",
                "greeting provider org.threshold.api.plugin.Greeting$Exploding could not be instantiated:"
                        + " IllegalStateException: no greeting today",
                "greeting provider org.threshold.api.plugin.NoSuchGreeting not found");
        assertThat(found.problems().get(3).origin()).isEqualTo("class path");
        assertThat(found.all().get(0).origin().toString()).startsWith("class path (").endsWith("test-classes)");
    }

    @Test
    void aJarThatIsNoZipIsReportedAndTheOthersStillLoad() throws Exception {
        Files.writeString(plugins.resolve("broken.jar"), "this is not a zip file");
        Files.writeString(plugins.resolve("README.txt"), "not a jar: ignored");
        Plugins found = discover(Optional.of(plugins));
        assertThat(found.all()).extracting(LoadedPlugin::name).containsExactly("hello");
        assertThat(found.problems()).filteredOn(p -> p.origin().endsWith("broken.jar")).extracting(PluginProblem::toString)
                .containsExactly(plugins.resolve("broken.jar") + ": not a jar (zip) file: zip END header not found");
    }

    @Test
    void aJarWithoutServicesFilesIsReported() throws Exception {
        jar(plugins.resolve("empty.jar"), Map.of("readme.txt", "nothing here"));
        Plugins found = discover(Optional.of(plugins));
        assertThat(found.problems()).filteredOn(p -> p.origin().endsWith("empty.jar")).extracting(PluginProblem::message)
                .containsExactly("provides no Threshold plugin (no META-INF/services file for Greeting)");
    }

    @Test
    void aJarLoaderSeesClassPathProvidersAgainButTheyAreNotDuplicatesOfThemselves() throws Exception {
        jar(plugins.resolve("copy.jar"), Map.of("META-INF/services/" + Greeting.class.getName(),
                "org.threshold.api.plugin.Greeting$Hello\n"));
        Plugins found = discover(Optional.of(plugins));
        assertThat(found.all()).extracting(LoadedPlugin::name).containsExactly("hello");
        List<PluginProblem> fromJar = found.problems().stream().filter(p -> p.origin().endsWith("copy.jar")).toList();
        assertThat(fromJar).extracting(PluginProblem::message).containsExactly(
                "provides no plugin of its own (the classes its services files list are already on the class path)");
        // The class path's own broken entries are not blamed on the jar a second time.
        assertThat(found.problems()).hasSize(5);
    }

    @Test
    void aJarListingAClassItDoesNotContainIsReportedWithTheJar() throws Exception {
        jar(plugins.resolve("missing.jar"), Map.of("META-INF/services/" + Greeting.class.getName(), "org.example.Gone\n"));
        Plugins found = discover(Optional.of(plugins));
        assertThat(found.problems()).filteredOn(p -> p.origin().endsWith("missing.jar")).extracting(PluginProblem::message)
                .containsExactly("greeting provider org.example.Gone not found");
    }

    @Test
    void aMissingPluginsDirectoryIsBadInput() {
        Path absent = plugins.resolve("absent");
        assertThatThrownBy(() -> discover(Optional.of(absent))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the plugins directory " + absent + " does not exist or is not a directory");
    }

    @Test
    void theOptionWinsOverTheEnvironmentVariable() {
        Map<String, String> env = Map.of(PluginDiscovery.ENVIRONMENT_VARIABLE, "/opt/plugins");
        assertThat(PluginDiscovery.pluginsDirectory(Optional.of(Path.of("mine")), env)).contains(Path.of("mine"));
        assertThat(PluginDiscovery.pluginsDirectory(Optional.empty(), env)).contains(Path.of("/opt/plugins"));
        assertThat(PluginDiscovery.pluginsDirectory(Optional.empty(), Map.of())).isEmpty();
        assertThat(PluginDiscovery.pluginsDirectory(Optional.empty(), Map.of(PluginDiscovery.ENVIRONMENT_VARIABLE, " ")))
                .isEmpty();
    }

    @Test
    void theSpiKindsAreFoundWithNothingOnTheClassPath() {
        Plugins found = PluginDiscovery.discover(PluginKind.SPI, Optional.empty(), getClass().getClassLoader());
        assertThat(found.kinds()).extracting(PluginKind::name).containsExactly("task", "curriculum", "model", "probe");
        assertThat(found.all()).isEmpty();
        assertThat(found.problems()).isEmpty();
    }

    @Test
    void aJarBuiltForAnotherMajorVersionOfTheApiIsRefusedNamingBothAndTheOthersLoad() throws Exception {
        ApiVersion running = ApiVersion.CURRENT;
        String other = (running.major() + 1) + ".0.0";
        Map<String, String> services = Map.of("META-INF/services/" + Greeting.class.getName(), Greeting.Hello.class.getName() + "\n");
        jar(plugins.resolve("future.jar"), services, Optional.of(other));
        jar(plugins.resolve("garbled.jar"), services, Optional.of("soon"));
        jar(plugins.resolve("same.jar"), services, Optional.of(running.major() + "." + (running.minor() + 1) + ".0"));
        jar(plugins.resolve("unstamped.jar"), services, Optional.empty());
        Plugins found = discover(Optional.of(plugins));
        assertThat(found.problems()).filteredOn(p -> p.origin().endsWith("future.jar")).extracting(PluginProblem::message)
                .containsExactly("was built for Threshold API " + other + " (major version " + (running.major() + 1)
                        + "), but this Threshold has API " + running + " (major version " + running.major()
                        + "); it is not loaded: rebuild it against threshold-api " + running);
        assertThat(found.problems()).filteredOn(p -> p.origin().endsWith("garbled.jar")).extracting(PluginProblem::message)
                .containsExactly("its manifest's Threshold-Api-Version is 'soon', which is not a version (expected e.g. "
                        + running + "); it is not loaded");
        // A jar of the same major version, stamped or not, gets past the check: these two list only a
        // class-path provider, which is what discovery then says about them.
        for (String jar : List.of("same.jar", "unstamped.jar")) {
            assertThat(found.problems()).filteredOn(p -> p.origin().endsWith(jar)).extracting(PluginProblem::message)
                    .containsExactly("provides no plugin of its own (the classes its services files list are already on the class path)");
        }
        assertThat(found.all()).extracting(LoadedPlugin::name).containsExactly("hello");
    }

    @Test
    void theApiKnowsItsOwnVersionFromTheBuild() {
        // the build passes its threshold.api.version to the tests (the parent pom's surefire settings)
        assertThat(System.getProperty("threshold.api.version")).isNotBlank();
        assertThat(ApiVersion.CURRENT.text()).isEqualTo(System.getProperty("threshold.api.version"));
        assertThat(ApiVersion.parse("1.2")).contains(new ApiVersion(1, 2, 0, "1.2"));
        assertThat(ApiVersion.parse("0.1.0-SNAPSHOT")).contains(new ApiVersion(0, 1, 0, "0.1.0-SNAPSHOT"));
        assertThat(ApiVersion.parse("v1")).isEmpty();
        assertThat(new ApiVersion(0, 3, 0, "0.3.0").loadsIn(new ApiVersion(0, 1, 0, "0.1.0"))).isTrue();
        assertThat(new ApiVersion(1, 0, 0, "1.0.0").loadsIn(new ApiVersion(0, 1, 0, "0.1.0"))).isFalse();
    }

    private static void jar(Path file, Map<String, String> entries) throws Exception {
        jar(file, entries, Optional.empty());
    }

    /** A jar of text entries, its manifest stamped with the api version given. */
    private static void jar(Path file, Map<String, String> entries, Optional<String> apiVersion) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        apiVersion.ifPresent(v -> manifest.getMainAttributes().putValue(ApiVersion.MANIFEST_ATTRIBUTE, v));
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
    }
}
