package org.threshold.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.app.fixtures.Cli;
import org.threshold.app.fixtures.PluginJars;
import org.threshold.runs.run.Numerics;
import org.threshold.runs.run.RunDirectory;

/**
 * {@code threshold run SWEEP --index I,J,...}: the points train as one stack (SPEC section 10),
 * record it, and resume only in it.
 */
class StackedRunCommandTest {

    @TempDir
    Path dir;

    private Path sweepFile(String grid) {
        return PluginJars.runFile(dir, "sweep.yaml", """
                name: stacked
                task: {type: listops, operators: [MAX], depth: 1, context: 16, excluded: 200,
                       train_size: 800, test_size: 150, eval_size: 150}
                model: {type: gpt, d: 16, layers: 1}
                training: {steps: 40, eval_every: 20, lr: 3.0e-3, warmup: 5}
                runtime: {threads: 1, checkpoint_every: 20}
                sweep:
                  name: tiny
                  output: %s
                  grid:
                %s
                """.formatted(dir.resolve("sweeps"), grid));
    }

    private RunDirectory point(Cli.Result result, int index) {
        String prefix = "point " + index + ": run ";
        String line = result.outLines().stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
        return new RunDirectory(Path.of(line.substring(line.indexOf("; run directory ") + "; run directory ".length())));
    }

    @Test
    void pointsTrainAsOneStackRecordItAndResumeOnlyInIt() throws IOException {
        Path file = sweepFile("    seed: [1, 2, 3]");
        Cli.Result result = Cli.run("run", file.toString(), "--index", "0,2");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("stack of points 0,2: one gpt standard d=16 layers=1")
                .contains("point 0: step 20/40").contains("point 2: step 40/40").contains("point 2: Run ")
                .contains("stack of points 0,2: 40 stacked passes this session");
        Numerics.Stack stack = new Numerics.Stack(2, List.of(0, 2));
        RunDirectory first = point(result, 0);
        for (RunDirectory run : List.of(first, point(result, 2))) {
            assertThat(run.readResult().orElseThrow().finished()).isTrue();
            assertThat(run.readResult().orElseThrow().numerics().orElseThrow().stack()).contains(stack);
            assertThat(Files.readString(run.path().resolve("config.yaml"))).contains("seed: ");
        }
        try (Stream<Path> runs = Files.list(dir.resolve("sweeps").resolve("tiny").resolve("runs"))) {
            assertThat(runs.count()).as("point 1 is not trained").isEqualTo(2);
        }

        // cut both points back to their step-20 checkpoints: alone, or in another stack, each is refused with the
        // command that re-forms its stack, since the other member has not ended
        String metrics = Files.readString(first.metrics().file());
        RunDirectory second = point(result, 2);
        String secondMetrics = Files.readString(second.metrics().file());
        cutBack(first);
        cutBack(second);
        Cli.Result alone = Cli.run("run", file.toString(), "--index", "0");
        assertThat(alone.code()).isEqualTo(2);
        assertThat(alone.err()).contains("it trained in the stack of points 0,2, which resumes with threshold run " + file
                + " --index 0,2");
        Cli.Result other = Cli.run("run", file.toString(), "--index", "0,1");
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("--index 0,2");

        Cli.Result resumed = Cli.run("run", file.toString(), "--index", "0,2");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("point 0: resuming from the checkpoint at step 20")
                .contains("point 2: resuming from the checkpoint at step 20");
        assertThat(science(Files.readString(first.metrics().file()))).isEqualTo(science(metrics));
        assertThat(science(Files.readString(second.metrics().file()))).isEqualTo(science(secondMetrics));

        // point 0 cut back again, point 2 finished: point 0 alone re-forms the stack, point 2 leaving it at once
        cutBack(first);
        Cli.Result reformed = Cli.run("run", file.toString(), "--index", "0");
        assertThat(reformed.code()).as(reformed.err()).isZero();
        assertThat(reformed.out()).contains("point 0 trained in the stack of points 0,2, whose other member 2 has ended: that "
                + "stack is re-formed (threshold run " + file + " --index 0,2)")
                .contains("point 0: resuming from the checkpoint at step 20").contains("point 2: Run (already done");
        assertThat(science(Files.readString(first.metrics().file()))).isEqualTo(science(metrics));
        assertThat(first.readResult().orElseThrow().numerics().orElseThrow().stack()).contains(stack);
    }

    /** A run as it was at its step-20 checkpoint: no result, no step-40 checkpoint. */
    private static void cutBack(RunDirectory run) throws IOException {
        Files.delete(run.path().resolve("result.json"));
        deleteTree(run.path().resolve("checkpoints").resolve("step-000000040"));
    }

    @Test
    void pointsOfOtherShapesOrOutOfOrderAreRefusedAndSaySo() {
        Path file = sweepFile("    model.d: [16, 24]");
        Cli.Result shapes = Cli.run("run", file.toString(), "--index", "0,1");
        assertThat(shapes.code()).isEqualTo(2);
        assertThat(shapes.err()).contains("--index 0,1: these points cannot train as one stack: ").contains("24")
                .contains("train them one by one (--index I)");
        Cli.Result order = Cli.run("run", file.toString(), "--index", "1,0");
        assertThat(order.code()).isEqualTo(2);
        assertThat(order.err()).contains("--index 1,0: a stack's points are distinct and in ascending order, e.g. --index 0,1");
    }

    /** metrics.jsonl without its timing fields. */
    private static List<String> science(String metrics) {
        return metrics.lines().map(l -> l.replaceAll(",?\"time\":\\{[^}]*\\}", "")).toList();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
