package org.threshold.app.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.app.fixtures.Cli;
import org.threshold.app.fixtures.PluginJars;

/**
 * A researcher's jar dropped into the plugins directory: listed, usable in a run file, and not
 * hidden by broken jars beside it, each of which is reported with its jar and cause.
 */
class PluginsDirectoryTest {

    @TempDir
    Path dir;

    private static final String RUN = """
            task: {type: reverse, symbols: 4, train_size: 40, test_size: 8}
            model: {type: bigram}
            """;

    @Test
    void aPluginJarIsListedWithItsDescriptionAndOrigin() {
        Path plugins = PluginJars.pluginsDirectory(dir.resolve("plugins"), "reverse.jar");
        Cli.Result result = Cli.run("plugins", "--plugins", plugins.toString());
        assertThat(result.code()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.outLines().get(0)).matches("KIND +NAME +DESCRIPTION +ORIGIN");
        assertThat(result.outLines()).anySatisfy(line -> assertThat(line).matches(
                "task +reverse +Reverse a sequence of letters: a small task built by the plugin tests +"
                        + java.util.regex.Pattern.quote(plugins.resolve("reverse.jar").toString())));
        assertThat(result.outLines()).anySatisfy(line -> assertThat(line).matches(
                "curriculum +constant +A fixed mixture .* +class path \\(.*\\)"));
    }

    @Test
    void aRunFileUsesThePluginForValidateAndSample() {
        Path plugins = PluginJars.pluginsDirectory(dir.resolve("plugins"), "reverse.jar");
        Path run = PluginJars.runFile(dir, "reverse.yaml", RUN);
        Cli.Result validate = Cli.run("--plugins", plugins.toString(), "validate", run.toString());
        assertThat(validate.err()).isEmpty();
        assertThat(validate.code()).isZero();
        assertThat(validate.outLines().get(1)).isEqualTo("  task        reverse 2-5 letters of 4 (40 train, 8 test)");
        Cli.Result sample = Cli.run("--plugins", plugins.toString(), "sample", run.toString(), "-n", "3");
        assertThat(sample.code()).isZero();
        assertThat(sample.outLines()).hasSize(6);
    }

    @Test
    void brokenJarsAreEachReportedWithTheirJarAndCauseAndTheGoodPluginStillWorks() {
        Path plugins = PluginJars.pluginsDirectory(dir.resolve("plugins"),
                "reverse.jar", "broken.jar", "throwing.jar", "second-reverse.jar", "linkage.jar");
        Cli.Result result = Cli.run("plugins", "--plugins", plugins.toString());
        assertThat(result.code()).as("plugins that failed to load are bad input").isEqualTo(2);
        assertThat(result.outLines()).as("exactly one task comes from the plugins directory")
                .filteredOn(line -> line.startsWith("task ") && line.contains(plugins.toString())).hasSize(1)
                .first().asString().contains("reverse").endsWith(plugins.resolve("reverse.jar").toString());
        assertThat(result.errLines()).containsExactly(
                "plugin not loaded: " + plugins.resolve("broken.jar") + ": not a jar (zip) file: zip END header not found",
                "plugin not loaded: " + plugins.resolve("linkage.jar") + ": task provider org.example.linkage.LinkedTaskProvider"
                        + " could not be instantiated: NoClassDefFoundError: org/example/linkage/Tables"
                        + " (was it built against another version of threshold-api?)",
                "plugin not loaded: " + plugins.resolve("second-reverse.jar") + ": a second task plugin named 'reverse'"
                        + " (org.example.reverse.ReverseTaskProvider) is ignored; the one from " + plugins.resolve("reverse.jar")
                        + " (org.example.reverse.ReverseTaskProvider) is used",
                "plugin not loaded: " + plugins.resolve("throwing.jar") + ": task provider org.example.throwing.ThrowingTaskProvider"
                        + " could not be instantiated: IllegalStateException: the tables file throwing.tsv is not in the jar");

        Path run = PluginJars.runFile(dir, "reverse.yaml", RUN);
        Cli.Result validate = Cli.run("--plugins", plugins.toString(), "validate", run.toString());
        assertThat(validate.code()).as("the good plugin still works").isZero();
        assertThat(validate.errLines()).hasSize(4).allSatisfy(line -> assertThat(line).startsWith("warning: plugin not loaded: "));
    }

    @Test
    void aProbeJarIsListedAndRunsOnASweepLikeABuiltInProbe() throws java.io.IOException {
        Path plugins = PluginJars.pluginsDirectory(dir.resolve("plugins"), "probe.jar");
        Cli.Result list = Cli.run("plugins", "--plugins", plugins.toString());
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.outLines()).anySatisfy(line -> assertThat(line).matches(
                "probe +run-list +One CSV line per run with a label and its test accuracy: a probe built by the plugin tests +"
                        + java.util.regex.Pattern.quote(plugins.resolve("probe.jar").toString())));
        Path sweep = org.threshold.app.fixtures.TrainedSweep.directory();
        Cli.Result probe = Cli.run("--plugins", plugins.toString(), "probe", sweep.toString(), "--probe", "run-list");
        assertThat(probe.code()).as(probe.err()).isZero();
        assertThat(probe.out()).contains("probe run-list -> " + sweep.resolve("probes/run-list")).contains("runs = 4");
        java.util.List<String> csv = java.nio.file.Files.readAllLines(sweep.resolve("probes/run-list/run-list.csv"));
        assertThat(csv.get(0)).isEqualTo("run,mixture,test_accuracy");
        assertThat(csv.subList(1, csv.size())).extracting(line -> line.split(",")[1]).containsExactly("MAX", "MAX", "SUM", "SUM");
    }

    @Test
    void theEnvironmentVariableNamesThePluginsDirectory() {
        Path plugins = PluginJars.pluginsDirectory(dir.resolve("from-env"), "reverse.jar");
        Cli.Result result = Cli.run(Map.of("THRESHOLD_PLUGINS", plugins.toString()), "plugins");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("reverse");
    }

    @Test
    void theOptionMayFollowTheCommand() {
        Path plugins = PluginJars.pluginsDirectory(dir.resolve("plugins"), "reverse.jar");
        Path run = PluginJars.runFile(dir, "reverse.yaml", RUN);
        Cli.Result result = Cli.run("validate", run.toString(), "--plugins", plugins.toString());
        assertThat(result.err()).isEmpty();
        assertThat(result.code()).isZero();
    }

    @Test
    void aMissingPluginsDirectoryIsBadInput() {
        Path absent = dir.resolve("absent");
        Cli.Result result = Cli.run("--plugins", absent.toString(), "plugins");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.errLines()).containsExactly(
                "threshold: the plugins directory " + absent + " does not exist or is not a directory (given by --plugins)");
        Cli.Result fromEnv = Cli.run(Map.of("THRESHOLD_PLUGINS", absent.toString()), "plugins");
        assertThat(fromEnv.errLines()).containsExactly(
                "threshold: the plugins directory " + absent + " does not exist or is not a directory (given by THRESHOLD_PLUGINS)");
    }
}
