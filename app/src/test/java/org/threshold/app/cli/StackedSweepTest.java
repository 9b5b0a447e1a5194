package org.threshold.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.app.fixtures.Cli;
import org.threshold.app.fixtures.PluginJars;
import org.threshold.runs.run.Numerics;
import org.threshold.runs.sweep.IndexEntry;
import org.threshold.runs.sweep.SweepDirectory;
import org.threshold.runs.sweep.SweepIndex;

/**
 * {@code sweep.executor.stack}: the local executor trains points of one shape as stacks (SPEC
 * section 10), one process and one log each, and a point of another shape alone.
 */
class StackedSweepTest {

    @TempDir
    Path dir;

    @Test
    void pointsOfOneShapeTrainInStacksOfKAndThePointOfAnotherShapeAlone() throws IOException {
        Path file = PluginJars.runFile(dir, "stacked.yaml", """
                seed: 1
                task: {type: listops, operators: [MAX], depth: 1, context: 16, excluded: 200,
                       train_size: 800, test_size: 150, eval_size: 100}
                model: {type: gpt, d: 16, layers: 1}
                training: {steps: 30, eval_every: 15, lr: 3.0e-3, warmup: 5}
                runtime: {checkpoint_every: 15}
                sweep:
                  name: stacked
                  output: %s
                  executor: {stack: 2, parallel: 2}
                  variants:
                    small: {}
                    wide: {model.d: 24}
                  grid:
                    seed: [1, 2, 3]
                """.formatted(dir.resolve("sweeps")));
        Cli.Result result = Cli.run("sweep", file.toString());
        assertThat(result.code()).as(result.out() + result.err()).isZero();
        SweepDirectory sweep = new SweepDirectory(dir.resolve("sweeps").resolve("stacked"));
        SweepIndex index = sweep.readIndex().orElseThrow();
        assertThat(index.points()).extracting(e -> e.stacking().shapeClass()).containsExactly(0, 0, 0, 1, 1, 1);
        // stacks of 2 within each shape, larger models first: (3,4), (5), (0,1), (2)
        assertThat(result.out()).contains("2 stacks of 4 points, one process each");
        for (List<Integer> members : List.of(List.of(3, 4), List.of(0, 1))) {
            assertThat(sweep.stackStdout(members)).exists();
            assertThat(Files.readString(sweep.stackStdout(members))).contains("stacked passes this session");
            for (int member : members) {
                IndexEntry entry = index.points().get(member);
                Optional<Numerics.Stack> stack = sweep.run(entry.identity()).readResult().orElseThrow().numerics().orElseThrow().stack();
                assertThat(stack).contains(new Numerics.Stack(2, members));
                assertThat(Files.readString(sweep.stackNote(entry.identity())))
                        .contains("trains in the stack of points " + members.get(0) + "," + members.get(1))
                        .contains("stacks/points-" + members.get(0) + "," + members.get(1) + ".stdout.log");
            }
        }
        for (int alone : List.of(2, 5)) {
            IndexEntry entry = index.points().get(alone);
            assertThat(sweep.run(entry.identity()).readResult().orElseThrow().numerics().orElseThrow().stack()).isEmpty();
            assertThat(sweep.stdout(entry.identity())).exists();
            assertThat(sweep.stackNote(entry.identity())).doesNotExist();
        }
        assertThat(Files.readAllLines(sweep.summaryCsv())).hasSize(7);
    }
}
