package org.threshold.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.threshold.api.plugin.PluginDiscovery;
import org.threshold.api.plugin.Plugins;
import org.threshold.api.sweep.SweepExecutorProvider;
import org.threshold.app.plugins.PluginModule;
import org.threshold.app.runfile.RunPlanner;
import org.threshold.runs.sweep.IndexEntry;
import org.threshold.runs.sweep.SweepIndex;

/** Every example with a sweep: section is a valid sweep: each of its grid points binds as a run file. */
class ExampleSweepsTest {

    private static Plugins plugins;
    private static RunPlanner planner;
    private static Map<String, SweepExecutorProvider<?>> executors;

    @BeforeAll
    static void discover() {
        plugins = PluginDiscovery.discover(PluginModule.KINDS, java.util.Optional.empty(), ExampleSweepsTest.class.getClassLoader());
        com.google.inject.Injector injector = com.google.inject.Guice.createInjector(new PluginModule(plugins));
        planner = injector.getInstance(RunPlanner.class);
        executors = plugins.providers(SweepExecutorProvider.KIND);
    }

    @AfterAll
    static void close() throws IOException {
        plugins.close();
    }

    static Stream<Path> sweeps() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("..", "examples"))) {
            List<Path> found = files.filter(f -> f.toString().endsWith(".yaml")).filter(ExampleSweepsTest::hasSweep).sorted().toList();
            assertThat(found).as("the paper's sweeps are examples").anyMatch(f -> f.endsWith(Path.of("paper", "appendix-c.yaml")));
            return found.stream();
        }
    }

    private static boolean hasSweep(Path file) {
        try {
            return Files.readAllLines(file).stream().anyMatch(line -> line.startsWith("sweep:"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("sweeps")
    void everyPointOfTheExampleBinds(Path file) {
        SweepIndex index = SweepPoints.index(SweepWithAnalysis.read(file, executors, Map.of()).file(), planner);
        assertThat(index.points()).isNotEmpty();
        assertThat(index.points().stream().map(IndexEntry::identity).distinct()).hasSize(index.points().size());
    }

    @org.junit.jupiter.api.Test
    void appendixCWithTheSlurmExecutorTrainsAppendixCsRuns() {
        Path paper = Path.of("..", "examples", "paper");
        SweepIndex local = SweepPoints.index(SweepWithAnalysis.read(paper.resolve("appendix-c.yaml"), executors, Map.of()).file(), planner);
        var slurm = SweepWithAnalysis.read(paper.resolve("appendix-c-slurm.yaml"), executors, Map.of()).file();
        assertThat(slurm.spec().executor().type()).isEqualTo("slurm");
        assertThat(SweepPoints.index(slurm, planner).points()).extracting(IndexEntry::identity)
                .containsExactlyElementsOf(local.points().stream().map(IndexEntry::identity).toList());
    }
}
