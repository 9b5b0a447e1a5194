package org.threshold.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.app.fixtures.Cli;
import org.threshold.app.fixtures.FixedMachine;
import org.threshold.app.fixtures.PluginJars;
import org.threshold.app.runfile.Machine;
import org.threshold.app.runfile.ThisMachine;
import org.threshold.trainer.device.DeviceChoice;

/**
 * What can be found before any work starts is a config problem at its key (exit code 2), found
 * alike by {@code validate} and {@code run} (and by {@code sweep} for every grid point), with no
 * stack trace (docs/CONFIG.md, "Checked before a run starts").
 */
class ChecksBeforeARunTest {

    @TempDir
    Path dir;

    /** The tiny run of RunCommandTest, with {@code runtime} given as lines 6 on. */
    private Path runFile(String runtime) {
        return PluginJars.runFile(dir, "run.yaml", """
                name: checks
                task: {type: listops, operators: [MAX], depth: 1, context: 16, excluded: 200,
                       train_size: 800, test_size: 150, eval_size: 150}
                model: {type: gpt, d: 16, layers: 1}
                training: {steps: 40, eval_every: 20, lr: 3.0e-3, warmup: 5}
                runtime:
                """ + runtime.indent(2));
    }

    /** Runs validate and then run on the file; both must fail with exit code 2 and these lines, exactly. */
    private static void refusedAlike(Machine machine, Path file, String... lines) {
        for (String command : List.of("validate", "run")) {
            Cli.Result result = Cli.run(machine, command, file.toString());
            assertThat(result.errLines()).as(command).containsExactly(lines);
            assertThat(result.code()).as(command).isEqualTo(2);
            assertThat(result.err()).as(command).doesNotContain("\tat ").doesNotContain("internal failure");
        }
    }

    @Test
    void aGpuRunOnAMachineWithoutOneIsRefusedAtDevice() throws IOException {
        Optional<String> missing = DeviceChoice.missingGpu(Engine.getInstance());
        assumeTrue(missing.isPresent(), "a machine whose engine sees no GPU");
        Path file = runFile("device: gpu\noutput: " + dir.resolve("runs") + "\nthreads: 1");
        refusedAlike(new ThisMachine(), file, file + ":7:3: runtime.device: expected a machine with a GPU for device: gpu, found none: "
                + missing.get() + "; use device: auto (a GPU when there is one) or cpu, or train where the engine sees a GPU (a build "
                + "with -Pgpu on a machine with one)");
        // the engine is asked when the run starts (after it fixes its threads): by then only the run's lock is there
        try (var entries = Files.list(dir.resolve("runs"))) {
            Path run = entries.findFirst().orElseThrow();
            try (var files = Files.list(run)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("run.lock");
            }
        }
    }

    @Test
    void anOutputThatIsAFileIsRefusedAtOutput() throws IOException {
        Path taken = Files.writeString(dir.resolve("taken"), "a file\n");
        Path file = runFile("output: " + taken);
        refusedAlike(FixedMachine.laptop(), file, file + ":7:3: runtime.output: expected a directory for the run directories, found the file "
                + taken + "; name a directory (one that is missing is made)");
    }

    @Test
    void anOutputBelowAFileIsRefusedNamingTheFileInTheWay() throws IOException {
        Path taken = Files.writeString(dir.resolve("taken"), "a file\n");
        Path file = runFile("output: " + taken.resolve("runs"));
        refusedAlike(FixedMachine.laptop(), file, file + ":7:3: runtime.output: expected a directory Threshold can create for the run "
                + "directories, found the file " + taken + " in the way of " + taken.resolve("runs") + "; name another directory");
    }

    @Test
    void anOutputWhereNothingCanBeCreatedIsRefusedWithTheSystemsReason() {
        // /proc refuses new entries even to root, whom permission bits do not stop
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux's /proc");
        Path file = runFile("output: /proc/threshold-checks/runs");
        refusedAlike(FixedMachine.laptop(), file, file + ":7:3: runtime.output: expected a directory Threshold can create and write run "
                + "directories in, found that /proc refuses it (No such file or directory), where /proc/threshold-checks/runs would be "
                + "made; name another directory, or make /proc writable");
    }

    @Test
    void anOutputInAReadOnlyDirectoryIsRefused() throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeTrue(!canWrite(locked), "a user whom permissions stop (not root)");
            Path file = runFile("output: " + locked.resolve("runs"));
            refusedAlike(FixedMachine.laptop(), file, file + ":7:3: runtime.output: expected a directory Threshold can create and write "
                    + "run directories in, found that " + locked + " refuses it (Permission denied), where " + locked.resolve("runs")
                    + " would be made; name another directory, or make " + locked + " writable");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static boolean canWrite(Path directory) {
        try {
            Files.delete(Files.createTempFile(directory, "probe", ""));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aModelOf51BillionParametersIsRefusedByValidateNotPrintedAsValid() {
        Path file = PluginJars.runFile(dir, "huge.yaml", """
                task: {type: listops, operators: [MAX], depth: 1, context: 16, excluded: 200,
                       train_size: 800, test_size: 150, eval_size: 150}
                model: {type: gpt, d: 65536, layers: 1}
                runtime: {output: %s}
                """.formatted(dir.resolve("runs")));
        refusedAlike(FixedMachine.laptop(), file,
                file + ":3:1: model: expected a model whose parameters fit the Java heap (1.0 GB), found 51,544,784,896 parameters, "
                        + "which need about 384.0 GB of it (8 bytes each: their initial values, and a copy and its bytes at every "
                        + "checkpoint); make the model smaller, or give Java more heap (e.g. THRESHOLD_JAVA_OPTS=-Xmx577g)",
                file + ":3:1: model: expected a model whose training fits this machine's memory (16.0 GB), found 51,544,784,896 "
                        + "parameters, which need about 768.1 GB (16 bytes each: weights, gradients and Adam's two moments) before any "
                        + "activation; make the model smaller");
    }

    @Test
    void aModelThatFitsTheHeapButNotTheMachinesMemoryIsRefusedAtModel() {
        Path file = PluginJars.runFile(dir, "wide.yaml", """
                task: {type: listops, operators: [MAX], depth: 1, context: 16, excluded: 200,
                       train_size: 800, test_size: 150, eval_size: 150}
                model: {type: gpt, d: 2048, layers: 2}
                runtime: {output: %s}
                """.formatted(dir.resolve("runs")));
        refusedAlike(FixedMachine.laptop().withHeap(64 * FixedMachine.GB).withMemory(FixedMachine.GB), file,
                file + ":3:1: model: expected a model whose training fits this machine's memory (1.0 GB), found 100,851,712 "
                        + "parameters, which need about 1.5 GB (16 bytes each: weights, gradients and Adam's two moments) before any "
                        + "activation; make the model smaller");
    }

    @Test
    void aBatchWhoseActivationsDoNotFitIsRefusedAtBatch() {
        Path file = PluginJars.runFile(dir, "batch.yaml", """
                task: {type: listops, operators: [MAX], depth: 1, context: 16, excluded: 200,
                       train_size: 800, test_size: 150, eval_size: 150}
                model: {type: gpt, d: 16, layers: 1}
                training:
                  batch: 100000
                runtime: {output: %s}
                """.formatted(dir.resolve("runs")));
        refusedAlike(FixedMachine.laptop().withMemory(FixedMachine.GB), file,
                file + ":5:3: training.batch: expected a batch whose training step fits this machine's memory (1.0 GB), found "
                        + "100,000 rows of up to 11 tokens, whose activations need about 1.7 GB besides the parameters' 68 kB; lower "
                        + "training.batch (or the model's size)");
    }

    @Test
    void anEpsOfZeroIsRefusedAtEps() {
        Path file = PluginJars.runFile(dir, "eps.yaml", """
                task: {type: listops, operators: [MAX], depth: 1, context: 16, excluded: 200,
                       train_size: 800, test_size: 150, eval_size: 150}
                model: {type: gpt, d: 16, layers: 1}
                training:
                  eps: 0
                runtime: {output: %s}
                """.formatted(dir.resolve("runs")));
        refusedAlike(FixedMachine.laptop(), file, file + ":5:3: training.eps: expected a number of at least 1.18e-37 (Adam divides by "
                + "sqrt(v) + eps, and v is 0 for a parameter whose gradient has been 0, so eps 0 gives NaN at step 2; float32 turns a "
                + "smaller eps into 0), found 0; the default is 1e-8");
    }

    @Test
    void aTrainingSetTooLargeForTheHeapIsRefusedAtTrainSizeWithoutTrying() {
        Path file = PluginJars.runFile(dir, "big.yaml", """
                task:
                  type: listops
                  operators: [MAX]
                  context: 64
                  train_size: 10000000
                model: {type: gpt}
                runtime: {output: %s}
                """.formatted(dir.resolve("runs")));
        refusedAlike(FixedMachine.laptop(), file, file + ":5:3: task.train_size: expected data that fits the Java heap (1.0 GB), found "
                + "10,003,000 equations (10,000,000 training, 2,000 test, 1,000 per-operator test) of about 20 tokens, about 2.5 GB; "
                + "lower train_size, or give Java more heap (e.g. THRESHOLD_JAVA_OPTS=-Xmx4g)");
    }

    @Test
    void aSetTheSplitCannotFillIsReportedAtTrainSizesLineNotTheTaskType() {
        Path file = PluginJars.runFile(dir, "small.yaml", """
                task:
                  type: listops
                  modulus: 3
                  operators: [SUM]
                  depth: 1
                  train_size: 500
                  test_size: 10
                  eval_size: 10
                model: {type: gpt}
                runtime: {output: %s}
                """.formatted(dir.resolve("runs")));
        Cli.Result result = Cli.run(FixedMachine.laptop(), "validate", file.toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.errLines()).hasSize(1).first().asString().startsWith(file + ":6:3: task.train_size: ");
    }

    @Test
    void aConfigThatIsNotARegularFileIsRefusedAtItsStart() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
        refusedAlike(FixedMachine.laptop(), empty, empty + ":1:1: the file is empty: expected a mapping of settings (key: value lines)");
        Path directory = Files.createDirectory(dir.resolve("a-directory.yaml"));
        refusedAlike(FixedMachine.laptop(), directory, directory + ":1:1: expected a config file (YAML text), found a directory; give "
                + "the path of a .yaml file");
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "a system with /dev/zero");
        refusedAlike(FixedMachine.laptop(), zero, "/dev/zero:1:1: expected a config file (YAML text), found a device or another special "
                + "file; give the path of a .yaml file");
    }

    @Test
    void aConfigLargerThanTheLimitIsRefusedWhereItPassesIt() throws IOException {
        // 100-byte lines: byte 3,145,728 is on line 31,458, column 29
        Path big = Files.writeString(dir.resolve("big.yaml"), ("k: " + "x".repeat(96) + "\n").repeat(40_000));
        refusedAlike(FixedMachine.laptop(), big, big + ":31458:29: expected a config file of at most 3,145,728 bytes (3 MB), found a "
                + "larger one (the limit is passed here); a run file is a few lines of settings");
    }

    @Test
    void theAliasAndNestingGuardsNameTheirLine() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x]\n");
        for (int i = 1; i <= 60; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
        }
        Path bombFile = PluginJars.runFile(dir, "bomb.yaml", bomb.toString());
        refusedAlike(FixedMachine.laptop(), bombFile, bombFile + ":27:12: expected at most 50 aliases (*name) of lists or mappings, found "
                + "more: this is alias 51 (a guard against alias bombs); write the values out instead of repeating aliases");
        Path deep = PluginJars.runFile(dir, "deep.yaml", "task:\n  type: listops\n  deep: " + "[".repeat(60) + "]".repeat(60) + "\n");
        refusedAlike(FixedMachine.laptop(), deep, deep + ":3:58: expected lists and mappings nested at most 50 deep, found deeper "
                + "nesting: this value is at depth 51");
    }

    @Test
    void aTopLevelListSaysSoAloneRatherThanFoundNoType() {
        Path list = PluginJars.runFile(dir, "list.yaml", "- task\n- model\n");
        refusedAlike(FixedMachine.laptop(), list, list + ":1:1: expected a mapping of settings (key: value lines), found a list");
    }

    private Path sweepFile(String grid) {
        return PluginJars.runFile(dir, "sweep.yaml", """
                name: checks
                seed: 1
                task: {type: listops, operators: [MAX], depth: 1, context: 16, excluded: 200,
                       train_size: 800, test_size: 150, eval_size: 150}
                model: {type: gpt, d: 16, layers: 1}
                training: {steps: 20, eval_every: 20, lr: 3.0e-3, warmup: 5}
                runtime: {threads: 1, checkpoint_every: 20}
                sweep:
                  name: tiny
                  output: %s
                  grid:
                """.formatted(dir.resolve("sweeps")) + grid.indent(4));
    }

    @Test
    void aSweepChecksEveryPointBeforeItWritesAnything() {
        Path file = sweepFile("model.d: [16, 65536]");
        String problem = file + ":5:1: model: grid point 1 (model.d=65536): expected a model whose parameters fit the Java heap (1.0 GB), "
                + "found 51,544,784,896 parameters, which need about 384.0 GB of it (8 bytes each: their initial values, and a copy and "
                + "its bytes at every checkpoint); make the model smaller, or give Java more heap (e.g. THRESHOLD_JAVA_OPTS=-Xmx577g)";
        Cli.Result sweep = Cli.run(FixedMachine.laptop().withMemory(1024 * FixedMachine.GB), "sweep", file.toString());
        assertThat(sweep.errLines()).containsExactly(problem);
        assertThat(sweep.code()).isEqualTo(2);
        assertThat(dir.resolve("sweeps")).doesNotExist();
        // the point's own command, as a scheduler runs it, makes the same check
        Cli.Result point = Cli.run(FixedMachine.laptop().withMemory(1024 * FixedMachine.GB), "run", file.toString(), "--index", "1");
        assertThat(point.errLines()).containsExactly(problem);
        assertThat(point.code()).isEqualTo(2);
    }

    @Test
    void aSweepWhoseDirectoryCannotBeMadeIsRefusedAtSweepOutput() throws IOException {
        Path taken = Files.writeString(dir.resolve("taken"), "a file\n");
        Path file = PluginJars.runFile(dir, "sweep.yaml", Files.readString(sweepFile("seed: [1, 2]"))
                .replace("output: " + dir.resolve("sweeps"), "output: " + taken));
        Cli.Result sweep = Cli.run(FixedMachine.laptop(), "sweep", file.toString());
        assertThat(sweep.errLines()).containsExactly(file + ":10:3: sweep.output: expected a directory Threshold can create for the run "
                + "directories, found the file " + taken + " in the way of " + taken.resolve("tiny") + "; name another directory");
        assertThat(sweep.code()).isEqualTo(2);
    }

    @Test
    void aTypoOfSeedInTheGridGetsDidYouMeanAlthoughTheFileSetsSeed() {
        Path file = sweepFile("sed: [1, 2]");
        Cli.Result list = Cli.run(FixedMachine.laptop(), "sweep", file.toString(), "--list");
        assertThat(list.code()).isEqualTo(2);
        assertThat(list.errLines()).hasSize(1).first().asString().startsWith(file + ":12:5: sed: every grid point: expected one of the keys ")
                .endsWith("found 'sed' (did you mean 'seed'?)");
    }

    @Test
    void aRunThatWeightDecayMakesDivergeSaysSoOnce() {
        // AdamW multiplies every weight by 1 - 0.5 * 10 = -4 a step: float32 overflows within a hundred steps
        Path file = PluginJars.runFile(dir, "decay.yaml", """
                task: {type: listops, operators: [MAX], depth: 1, context: 16, excluded: 200,
                       train_size: 800, test_size: 150, eval_size: 150}
                model: {type: gpt, d: 16, layers: 1}
                training: {steps: 300, eval_every: 100, lr: 0.5, warmup: 0, schedule: constant, weight_decay: 10}
                runtime: {output: %s, threads: 1, checkpoint_every: 1000}
                """.formatted(dir.resolve("runs")));
        assertThat(Cli.run(FixedMachine.laptop(), "validate", file.toString()).code()).isZero();
        Cli.Result run = Cli.run(FixedMachine.laptop(), "run", file.toString());
        assertThat(run.code()).isEqualTo(1);
        String advice = "training.weight_decay (now 10.0) times training.lr (now 0.5) is 5.00, at least 1: AdamW multiplies every "
                + "weight by 1 - lr * weight_decay each step, which then flips it (and beyond 2 grows it); lower weight_decay below "
                + "1/lr = 2.00; no checkpoint had been saved yet";
        assertThat(run.err()).contains("threshold: the run failed: the training loss became ").contains(advice);
        String all = run.out() + run.err();
        assertThat(all.split(java.util.regex.Pattern.quote(advice), -1)).hasSize(2); // once
        assertThat(run.out()).contains("non_finite_loss at step ").contains("(what happened and what to change: below)");
    }
}
