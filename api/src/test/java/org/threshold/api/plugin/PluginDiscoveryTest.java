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
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    private static void jar(Path file, Map<String, String> entries) throws Exception {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
    }
}
