package org.threshold.trainer.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threshold.analysis.sweep.AnalysisSettings;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigException;
import org.threshold.api.config.ConfigNode;
import org.threshold.api.config.ConfigProblem;
import org.threshold.api.config.YamlWriter;
import org.threshold.api.sweep.SweepExecutorProvider;
import org.threshold.trainer.TrainingConfig;
import org.threshold.trainer.sweep.local.LocalExecutorProvider;

/** Reading a sweep file: its section, the grid's expansion and each point's run file. */
class SweepFileTest {

    static final Map<String, SweepExecutorProvider<?>> EXECUTORS = Map.of("local", new LocalExecutorProvider());

    /** The app's binding of sweep.analysis, so that its problems are checked with the section's. */
    static final SectionBinder ANALYSIS = AnalysisSettings::bind;

    private static final String BASE = """
            seed: 1
            task: {type: listops, modulus: 10}
            model: {type: gpt, d: 16, layers: 1}
            training: {steps: 100}
            """;

    static SweepFile sweep(String yaml) {
        return SweepFile.parse(yaml, "examples/grid.yaml", EXECUTORS, Map.of(), ANALYSIS);
    }

    private static List<String> problems(String yaml) {
        try {
            sweep(yaml);
        } catch (ConfigException e) {
            return e.problems().stream().map(ConfigProblem::toString).toList();
        }
        throw new AssertionError("expected problems in:\n" + yaml);
    }

    /** A point's run file as YAML, without the runtime section the sweep adds. */
    private static String runFile(SweepFile sweep, int index) {
        ConfigNode.Mapping tree = (ConfigNode.Mapping) sweep.point(index).tree();
        return YamlWriter.write(new ConfigNode.Mapping(tree.entries().stream().filter(e -> !e.key().equals("runtime")).toList(),
                tree.mark()));
    }

    @Test
    void theGridIsTheCartesianProductWithTheLastKeyVaryingFastest() {
        SweepFile sweep = sweep(BASE + """
                sweep:
                  grid:
                    model.d: [16, 24]
                    seed: [1, 2, 3]
                """);
        assertThat(sweep.grid().size()).isEqualTo(6);
        assertThat(sweep.grid().points()).extracting(GridPoint::describe).containsExactly(
                "grid point 0 (model.d=16, seed=1)", "grid point 1 (model.d=16, seed=2)", "grid point 2 (model.d=16, seed=3)",
                "grid point 3 (model.d=24, seed=1)", "grid point 4 (model.d=24, seed=2)", "grid point 5 (model.d=24, seed=3)");
        assertThat(runFile(sweep, 5)).isEqualTo("""
                seed: 3
                task:
                  type: listops
                  modulus: 10
                model:
                  type: gpt
                  d: 24
                  layers: 1
                training:
                  steps: 100
                """);
    }

    @Test
    void variantsAreTheOutermostAxisAndTheirNameIsThePointsVariant() {
        SweepFile sweep = sweep(BASE + """
                sweep:
                  grid: {seed: [1, 2]}
                  variants:
                    SUM-900: {task.triplet_dataset: sum-900, task.mode: triplets}
                    MAX+MED+SUM-2700: {task.triplet_dataset: "2700"}
                """);
        assertThat(sweep.grid().points()).extracting(GridPoint::describe).containsExactly(
                "grid point 0 (SUM-900, seed=1)", "grid point 1 (SUM-900, seed=2)",
                "grid point 2 (MAX+MED+SUM-2700, seed=1)", "grid point 3 (MAX+MED+SUM-2700, seed=2)");
        assertThat(sweep.grid().point(1).variant()).contains("SUM-900");
        assertThat(runFile(sweep, 1)).contains("""
                task:
                  type: listops
                  modulus: 10
                  triplet_dataset: sum-900
                  mode: triplets
                """);
        assertThat(runFile(sweep, 2)).as("a quoted value stays text").contains("triplet_dataset: '2700'");
    }

    @Test
    void valuesMayBeListsAndMappingsAndReplaceTheWholeSubtree() {
        SweepFile sweep = sweep("""
                task: {type: listops, operators: {MAX: 1}}
                model: {type: gpt}
                sweep:
                  grid:
                    task.operators: [[MAX, MED, SUM], {SUM: 2, MAX: 1}]
                    training.betas: [[0.9, 0.95]]
                """);
        assertThat(runFile(sweep, 0)).isEqualTo("""
                task:
                  type: listops
                  operators: [MAX, MED, SUM]
                model:
                  type: gpt
                training:
                  betas: [0.9, 0.95]
                """);
        assertThat(runFile(sweep, 1)).contains("""
                  operators:
                    SUM: 2
                    MAX: 1
                """);
        assertThat(sweep.grid().point(1).describe()).isEqualTo("grid point 1 (task.operators={SUM: 2, MAX: 1}, training.betas=[0.9, 0.95])");
    }

    @Test
    void keysTheFileDoesNotHaveAreCreated() {
        SweepFile sweep = sweep(BASE + """
                curriculum:
                sweep:
                  grid:
                    training.early_stopping.enabled: [false]
                    curriculum.type: [constant]
                """);
        assertThat(runFile(sweep, 0)).contains("""
                training:
                  steps: 100
                  early_stopping:
                    enabled: false
                curriculum:
                  type: constant
                """);
    }

    @Test
    void eachPointTrainsIntoTheSweepsRunsDirectoryAndKeepsNoSweepSection() {
        SweepFile sweep = sweep(BASE + """
                runtime: {output: elsewhere, threads: 1}
                sweep: {name: tiny, output: out, grid: {seed: [1]}}
                """);
        ConfigDocument point = sweep.point(0);
        RuntimeConfigView runtime = RuntimeConfigView.of(point);
        assertThat(runtime.output()).isEqualTo(java.nio.file.Path.of("out", "tiny", "runs").toString());
        assertThat(runtime.threads()).isEqualTo(1);
        assertThat(((ConfigNode.Mapping) point.tree()).get("sweep")).isEmpty();
        assertThat(sweep.directory().root()).isEqualTo(java.nio.file.Path.of("out", "tiny"));
    }

    @Test
    void theSweepIsNamedAfterItsFileUnlessItSaysOtherwise() {
        assertThat(sweep(BASE + "sweep: {grid: {seed: [1]}}").spec().name()).isEqualTo("grid");
        assertThat(sweep(BASE + "sweep: {name: appendix-c}").spec().name()).isEqualTo("appendix-c");
        assertThat(sweep(BASE + "sweep: {}").grid().size()).as("no grid: the file itself").isEqualTo(1);
    }

    @Test
    void theSameBinderChecksEveryPointAndItsProblemsPointAtTheGridValue() {
        SweepFile sweep = sweep(BASE + """
                sweep:
                  grid:
                    training.steps: [100, -5]
                """);
        ConfigDocument good = sweep.point(0);
        TrainingConfig.bind(good.root().section("training"));
        assertThat(good.problems()).isEmpty();
        ConfigDocument bad = sweep.point(1);
        TrainingConfig.bind(bad.root().section("training"));
        assertThat(bad.problems()).extracting(ConfigProblem::toString)
                .containsExactly("examples/grid.yaml:7:27: training.steps: expected an integer >= 1, found '-5'");
    }

    @Test
    void aPathIntoAScalarIsAnErrorAtTheSweepKeyNamingThePoint() {
        assertThat(problems(BASE + """
                sweep:
                  grid:
                    model.d.width: [1, 2]
                    training.steps[0]: [5]
                """)).containsExactly(
                "examples/grid.yaml:7:5: sweep.grid.model.d.width: grid point 0 (model.d.width=1, training.steps[0]=5): "
                        + "cannot set model.d.width: model.d is the value '16' (at examples/grid.yaml:3:23), which has no keys",
                "examples/grid.yaml:8:5: sweep.grid.training.steps[0]: grid point 0 (model.d.width=1, training.steps[0]=5): "
                        + "cannot set training.steps[0]: training.steps is the value '100' (at examples/grid.yaml:4:19), which "
                        + "has no list positions");
    }

    @Test
    void everyProblemOfTheSweepSectionIsReportedWithItsPosition() {
        assertThat(problems(BASE + """
                sweep:
                  name: my sweep
                  grids: {}
                  grid:
                    model.d: 16
                    seed: [1, 2, 1]
                    model..layers: [1]
                    sweep.name: [a]
                    runtime.output: [x]
                  mixture: sed
                  analysis: {threshold: 1.5, curves: [{seeds: 1}]}
                  executor: {type: slurm, parallel: 2}
                """)).containsExactly(
                "examples/grid.yaml:6:3: sweep.name: expected a directory name of letters, digits and . _ + = - (starting with a letter or digit), found 'my sweep'",
                "examples/grid.yaml:7:3: sweep.grids: expected one of the keys name, output, grid, variants, mixture, analysis, probes, executor, found 'grids' (did you mean 'grid'?)",
                "examples/grid.yaml:9:14: sweep.grid.model.d: expected a list of the values model.d takes (e.g. [16, 32]; a list value is written inside the list: [[MAX], [MAX, SUM]]), found '16'",
                "examples/grid.yaml:10:18: sweep.grid.seed: the value 1 is listed twice; two grid points would be one run",
                "examples/grid.yaml:11:5: sweep.grid.model..layers: expected a key at position 7 of 'model..layers', found '.' (keys are joined by single dots)",
                "examples/grid.yaml:12:5: sweep.grid.sweep.name: a sweep cannot vary its own section",
                "examples/grid.yaml:13:5: sweep.grid.runtime.output: runtime.output is where the sweep puts its runs (<sweep.output>/<sweep.name>/runs); set sweep.output instead",
                "examples/grid.yaml:14:3: sweep.mixture: expected one of the grid keys seed, found 'sed' (did you mean 'seed'?)",
                "examples/grid.yaml:15:25: sweep.analysis.threshold: expected a number from 0 to 1, found '1.5'",
                "examples/grid.yaml:15:40: sweep.analysis.curves[0].seeds: expected one of the grid keys seed, mixture, found 'seeds' (did you mean 'seed'?)",
                "examples/grid.yaml:16:14: sweep.executor.type: expected one of the executor plugins local, found 'slurm'");
    }

    @Test
    void aVariantMayNotSetWhatTheGridVaries() {
        assertThat(problems(BASE + """
                sweep:
                  grid: {model: [{type: gpt, d: 8}]}
                  variants:
                    small: {model.d: 4}
                    plain: {}
                """)).containsExactly("examples/grid.yaml:8:13: sweep.variants.small.model.d: the grid key model sets this place "
                + "too, after the variant, so the variant's value would be lost (a variant may set a section that the grid varies "
                + "a key inside, not the other way round)");
    }

    @Test
    void aFileWithoutASweepSectionIsARunNotASweep() {
        assertThatThrownBy(() -> sweep(BASE)).isInstanceOf(ConfigException.class)
                .hasMessage("examples/grid.yaml:1:1: sweep: expected a sweep: section (docs/SWEEPS.md), found none; a file without "
                        + "one is a single run: threshold run examples/grid.yaml");
    }

    @Test
    void executorSettingsFromTheCommandLineReplaceTheFiles() {
        String yaml = BASE + "sweep: {executor: {type: local, parallel: 4}}\n";
        assertThat(SweepFile.parse(yaml, "s.yaml", EXECUTORS, Map.of("parallel", "2", "threads", "1"), ANALYSIS).spec().executor().type())
                .isEqualTo("local");
        assertThatThrownBy(() -> SweepFile.parse(yaml, "s.yaml", EXECUTORS, Map.of("parallel", "0"), ANALYSIS))
                .hasMessage("command line (--parallel): sweep.executor.parallel: expected auto or a whole number from 1 to 4096, "
                        + "found '0'");
    }

    @Test
    void aStackIsAutoOrACountOfPointsAndAnythingElseIsNamedAtItsKey() {
        assertThat(problems(BASE + "sweep: {grid: {seed: [1, 2]}, executor: {type: local, stack: 0}}\n")).containsExactly(
                "examples/grid.yaml:5:55: sweep.executor.stack: expected auto or a whole number from 1 to 64 of points trained "
                        + "as one stack, found '0'");
        assertThat(problems(BASE + "sweep: {grid: {seed: [1, 2]}, executor: {type: local, stack: many}}\n")).singleElement()
                .asString().endsWith("found 'many'");
        assertThat(sweep(BASE + "sweep: {grid: {seed: [1, 2]}, executor: {type: local, stack: auto}}\n").spec().executor().type())
                .isEqualTo("local");
    }

    /** The runtime keys of a point, read the way the trainer reads them. */
    private record RuntimeConfigView(String output, int threads) {

        static RuntimeConfigView of(ConfigDocument document) {
            org.threshold.trainer.RuntimeConfig runtime = org.threshold.trainer.RuntimeConfig.bind(document.root().section("runtime"));
            return new RuntimeConfigView(runtime.output(), runtime.threads());
        }
    }
}
