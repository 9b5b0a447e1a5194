package org.threshold.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.app.fixtures.Cli;
import org.threshold.app.fixtures.PluginJars;
import org.threshold.runs.sweep.IndexEntry;
import org.threshold.runs.sweep.SweepDirectory;
import org.threshold.runs.sweep.SweepIndex;

/** threshold sweep before training: every point bound, the sweep directory and its index, stable run names. */
class SweepCommandTest {

    @TempDir
    Path dir;

    private String sweep(String grid) {
        return """
                seed: 1
                task: {type: listops, mode: triplets, modulus: 10, context: 16}
                model: {type: gpt, d: 16, layers: 1}
                training: {steps: 50, eval_every: 25, early_stopping: {enabled: false}}
                sweep:
                  name: triplets
                  output: %s
                %s
                """.formatted(dir.resolve("sweeps"), grid.indent(2).stripTrailing());
    }

    private SweepIndex list(Path file) {
        Cli.Result result = Cli.run("sweep", file.toString(), "--list");
        assertThat(result.err()).isEmpty();
        assertThat(result.code()).isZero();
        return new SweepDirectory(dir.resolve("sweeps").resolve("triplets")).readIndex().orElseThrow();
    }

    @Test
    void listWritesTheSweepDirectoryAndPrintsEveryPointWithItsRun() throws Exception {
        Path file = PluginJars.runFile(dir, "triplets.yaml", sweep("""
                grid:
                  model.d: [16, 24]
                  seed: [1, 2]
                variants:
                  SUM-900: {task.triplet_dataset: sum-900}
                  MAX+MED+SUM-2700: {task.triplet_dataset: "2700"}
                """));
        Cli.Result result = Cli.run("sweep", file.toString(), "--list");
        assertThat(result.err()).isEmpty();
        assertThat(result.code()).isZero();
        Path root = dir.resolve("sweeps").resolve("triplets");
        assertThat(result.outLines().get(0)).isEqualTo("sweep triplets: 8 grid points, mixtures SUM-900, MAX+MED+SUM-2700; directory " + root);
        assertThat(result.outLines()).hasSize(9);
        assertThat(Files.readAllBytes(root.resolve("sweep.yaml"))).as("the file as given").isEqualTo(Files.readAllBytes(file));
        SweepIndex index = new SweepDirectory(root).readIndex().orElseThrow();
        assertThat(index.gridKeys()).containsExactly("model.d", "seed");
        assertThat(index.points()).extracting(IndexEntry::mixture).containsExactly("SUM-900", "SUM-900", "SUM-900", "SUM-900",
                "MAX+MED+SUM-2700", "MAX+MED+SUM-2700", "MAX+MED+SUM-2700", "MAX+MED+SUM-2700");
        assertThat(index.points().get(0).parameters()).as("one vocabulary for every mixture: one size per d")
                .isEqualTo(index.points().get(4).parameters()).isLessThan(index.points().get(2).parameters());
        assertThat(index.points().stream().map(IndexEntry::identity).distinct()).hasSize(8);
        assertThat(result.outLines().get(1)).isEqualTo("  " + index.points().get(0).describe() + ", "
                + String.format("%,d", index.points().get(0).parameters()) + " parameters");
        List<String> csv = Files.readAllLines(root.resolve("index.csv"));
        assertThat(csv.get(0)).isEqualTo("index,mixture,identity,parameters,seed,init_seed,model.d,seed");
        assertThat(csv).hasSize(9);
        assertThat(Files.isDirectory(root.resolve("runs"))).isTrue();
    }

    @Test
    void theSameFileGivesTheSameRunsAndAnAddedValueRenamesNone() {
        Path file = PluginJars.runFile(dir, "triplets.yaml", sweep("grid: {model.d: [16, 32], seed: [1, 2]}"));
        Map<String, String> first = identities(list(file));
        assertThat(identities(list(file))).as("the same file, the same runs").isEqualTo(first);

        Path grown = PluginJars.runFile(dir, "triplets.yaml", sweep("grid: {model.d: [16, 24, 32], seed: [1, 2, 3]}"));
        Map<String, String> second = identities(list(grown));
        assertThat(second).hasSize(9).containsAllEntriesOf(first);
        assertThat(list(grown).points().get(0).index()).isZero();
    }

    /** Coordinates to identity, e.g. "16,1" -> "3f9a2c1d0b7e". */
    private static Map<String, String> identities(SweepIndex index) {
        return index.points().stream().collect(Collectors.toMap(
                p -> p.coordinate("model.d").orElseThrow() + "," + p.coordinate("seed").orElseThrow(), IndexEntry::identity));
    }

    @Test
    void everyPointIsBoundBeforeAnythingTrainsAndItsProblemsNameIt() {
        Path file = PluginJars.runFile(dir, "bad.yaml", sweep("""
                grid:
                  model.d: [16, -4]
                  training.stpes: [10]
                """));
        Cli.Result result = Cli.run("sweep", file.toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.errLines()).containsExactly(
                file + ":9:19: model.d: grid point 1 (model.d=-4, training.stpes=10): expected an integer from 1 to 65536, found '-4'",
                file + ":10:5: training.stpes: every grid point: expected one of the keys steps, epochs, batch, lr, min_lr, warmup, "
                        + "schedule, betas, eps, weight_decay, clip, eval_every, loss, early_stopping, stop_at, found 'stpes' "
                        + "(did you mean 'steps'?)");
        assertThat(dir.resolve("sweeps")).doesNotExist();
    }

    @Test
    void twoPointsThatAreOneRunAreRefused() {
        Path file = PluginJars.runFile(dir, "labels.yaml", sweep("grid: {name: [first, second]}"));
        Cli.Result result = Cli.run("sweep", file.toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().startsWith(file + ":8:10: sweep: grid point 0 (name=first) and "
                + "grid point 1 (name=second) are one run (identity ");
    }

    @Test
    void withoutVariantsTheMixtureIsTheTasksComponentsOrTheChosenGridKey() {
        Path components = PluginJars.runFile(dir, "ops.yaml", sweep("grid: {task.operators: [[SUM], [MAX, MED, SUM]]}"));
        assertThat(list(components).points()).extracting(IndexEntry::mixture).containsExactly("SUM", "MAX+MED+SUM");

        Path chosen = PluginJars.runFile(dir, "ops.yaml", sweep("""
                grid: {task.operators: [[SUM], {MAX: 1, SUM: 2}]}
                mixture: task.operators
                """));
        assertThat(list(chosen).points()).extracting(IndexEntry::mixture).containsExactly("SUM", "MAX:1+SUM:2");
    }

    @Test
    void anUnknownBaselineIsRefusedBeforeTraining() {
        Path file = PluginJars.runFile(dir, "base.yaml", sweep("""
                variants: {SUM-900: {task.triplet_dataset: sum-900}, ALL-2700: {}}
                analysis: {baseline: SUM900}
                """));
        Cli.Result result = Cli.run("sweep", file.toString());
        assertThat(result.code()).isEqualTo(2);
        // at the baseline's own key (it used to name the file alone)
        assertThat(result.errLines()).containsExactly(file + ":9:14: sweep.analysis.baseline: expected one of the mixtures SUM-900, "
                + "ALL-2700, found 'SUM900' (did you mean 'SUM-900'?)");
    }

    @Test
    void aRatioOfAnUnknownMixtureIsRefusedBeforeTrainingAndSoAreBaselineAndRatiosTogether() {
        Path file = PluginJars.runFile(dir, "ratios.yaml", sweep("""
                variants: {SUM-900: {task.triplet_dataset: sum-900}, ALL-2700: {}}
                analysis: {ratios: [[SUM-900, ALL2700]]}
                """));
        Cli.Result result = Cli.run("sweep", file.toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.errLines()).containsExactly(file + ":9:14: sweep.analysis.ratios[0]: expected mixtures of the sweep "
                + "(SUM-900, ALL-2700), found 'ALL2700' (did you mean 'ALL-2700'?)");

        Path both = PluginJars.runFile(dir, "both.yaml", sweep("""
                variants: {SUM-900: {task.triplet_dataset: sum-900}, ALL-2700: {}}
                analysis: {baseline: SUM-900, ratios: [[SUM-900, ALL-2700]]}
                """));
        Cli.Result twice = Cli.run("sweep", both.toString());
        assertThat(twice.code()).isEqualTo(2);
        assertThat(twice.errLines()).singleElement().asString().contains("sweep.analysis.ratios: expected either baseline");
    }
}
