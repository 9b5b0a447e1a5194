package org.threshold.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.app.fixtures.Cli;
import org.threshold.app.fixtures.SmallSweep;
import org.threshold.runs.run.CheckpointLayout;
import org.threshold.runs.run.RunDirectory;
import org.threshold.runs.run.RunResult;
import org.threshold.runs.sweep.IndexEntry;
import org.threshold.runs.sweep.SweepIndex;

/**
 * Damaged files in a sweep (issue 14): each is named in the output of the command the researcher
 * ran, with the point, its run and the file; what can be rebuilt is, nothing readable is thrown
 * away, and the other points and the analysis go on.
 */
class DamagedSweepTest {

    @TempDir
    Path dir;

    private Path runs() {
        return dir.resolve("sweeps").resolve(SmallSweep.NAME).resolve("runs");
    }

    private RunDirectory run(IndexEntry point) {
        return new RunDirectory(runs().resolve(point.identity()));
    }

    private static Path checkpoint(RunDirectory run, long step) {
        return new CheckpointLayout(run.checkpoints()).step(step);
    }

    private static long cutInHalf(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        return bytes.length;
    }

    /** What a point's log holds of its latest session: after the last '---' header. */
    private static String lastSession(Path log) throws IOException {
        String text = Files.readString(log);
        return text.substring(text.lastIndexOf("--- "));
    }

    /** metrics.jsonl without its timings: what an uninterrupted run and a resumed one share. */
    private static List<String> science(Path metrics) throws IOException {
        return Files.readAllLines(metrics).stream().map(line -> {
            com.google.gson.JsonObject o = org.threshold.runs.Json.parse(line);
            o.remove("time");
            return o.toString();
        }).toList();
    }

    private static RunResult withoutTime(RunResult r) {
        return new RunResult(r.stopReason(), r.message(), r.metric(), r.testAccuracy(), r.parameters(), r.steps(), r.plannedSteps(),
                r.trainLoss(), r.metrics(), r.figures(), r.name(), r.identity(), r.task(), r.model(), 0, r.numerics());
    }

    @Test
    void aSweepNamesEveryDamagedFileRebuildsOrResumesWhatItCanAndFinishesTheOthers() throws IOException {
        Path file = SmallSweep.copyInto(dir);
        SweepIndex index = SmallSweep.index(dir);
        List<IndexEntry> p = index.points();
        RunDirectory rebuilt = run(p.get(0));
        RunDirectory resumed = run(p.get(1));
        RunDirectory lost = run(p.get(2));
        RunResult original = rebuilt.readResult().orElseThrow();
        List<String> metrics = science(resumed.metrics().file());
        Files.writeString(rebuilt.result(), "");
        Files.delete(resumed.result()); // killed before its end, and its newest checkpoint cut short
        Path model = checkpoint(resumed, 40).resolve("model.params");
        long bytes = cutInHalf(model);
        Files.delete(lost.result());
        Files.writeString(checkpoint(lost, 40).resolve("state.json"), "");
        Files.writeString(checkpoint(lost, 20).resolve("state.json"), "");

        Cli.Result result = Cli.run("sweep", file.toString());

        String retrain = "threshold run " + file + " --index 2";
        assertThat(result.errLines()).startsWith(
                "warning: point 0 (" + p.get(0).identity() + "): " + rebuilt.result() + " is damaged: it is empty; the point runs "
                        + "again and rebuilds it from its final checkpoint (step 40) and metrics.jsonl, without training",
                "warning: point 1 (" + p.get(1).identity() + "): " + model + " is damaged: it is cut short: " + bytes / 2 + " of its "
                        + bytes + " bytes are there; the point continues from its checkpoint of step 20",
                "warning: point 2 (" + p.get(2).identity() + "): " + checkpoint(lost, 40).resolve("state.json") + " is damaged: it "
                        + "is empty; none of its checkpoints can be read, so it is not trained again unasked: '" + retrain
                        + " --retrain' trains it from step 0, keeping what its directory holds",
                "warning: point 2 (" + p.get(2).identity() + "): " + checkpoint(lost, 20).resolve("state.json") + " is damaged: it "
                        + "is empty; none of its checkpoints can be read, so it is not trained again unasked: '" + retrain
                        + " --retrain' trains it from step 0, keeping what its directory holds");
        assertThat(result.errLines()).contains("failed: " + p.get(2).describe() + ": exit code 1: threshold: run " + p.get(2).identity()
                + " cannot continue: none of its checkpoints can be read (" + checkpoint(lost, 40).resolve("state.json")
                + " is damaged: it is empty; " + checkpoint(lost, 20).resolve("state.json") + " is damaged: it is empty); it is not "
                + "trained again unasked: " + retrain + " --retrain trains it from step 0, keeping what the run directory holds "
                + "(runs/" + p.get(2).identity() + "/failure.json)");
        assertThat(result.errLines()).last().isEqualTo("threshold: 1 of 3 grid points failed; run the sweep again to retry them "
                + "(finished runs are kept)");
        assertThat(result.err()).doesNotContain("\tat ", "internal failure", "report it");
        assertThat(result.code()).isEqualTo(1);

        assertThat(withoutTime(rebuilt.readResult().orElseThrow())).isEqualTo(withoutTime(original));
        assertThat(rebuilt.path().resolve("result.json.damaged")).isEmptyFile();
        assertThat(lastSession(rebuilt.path().resolve("stdout.log"))).as("nothing trained")
                .contains("resuming from the checkpoint at step 40").doesNotContain("step 20/40");
        assertThat(science(resumed.metrics().file())).as("resumed from step 20 as if never interrupted").isEqualTo(metrics);
        assertThat(lastSession(resumed.path().resolve("stdout.log"))).contains("resuming from the checkpoint at step 20")
                .doesNotContain("step 20/40").contains("step 40/40");
        assertThat(result.out()).contains("transition points (accuracy):");
        assertThat(Files.readAllLines(dir.resolve("sweeps/small/summary.csv"))).hasSize(4)
                .anySatisfy(l -> assertThat(l).endsWith(",failed,,,,2," + p.get(2).identity()));

        Cli.Result again = Cli.run("run", file.toString(), "--index", "2", "--retrain");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("training the run again from step 0; what it had is in " + lost.path().resolve("replaced-"));
        assertThat(lost.readResult()).isPresent();
        try (Stream<Path> replaced = Files.list(lost.path())) {
            Path kept = replaced.filter(f -> f.getFileName().toString().startsWith("replaced-")).findFirst().orElseThrow();
            assertThat(kept.resolve("checkpoints").resolve(CheckpointLayout.name(40)).resolve("state.json")).as("kept, not deleted")
                    .isEmptyFile();
        }
    }

    @Test
    void analyzeRebuildsADamagedResultFromTheFinalCheckpointAndLeavesOutWhatOnlyTrainingRepairs() throws IOException {
        SmallSweep.copyInto(dir);
        SweepIndex index = SmallSweep.index(dir);
        List<IndexEntry> p = index.points();
        RunDirectory rebuilt = run(p.get(0));
        RunDirectory left = run(p.get(1));
        RunResult original = rebuilt.readResult().orElseThrow();
        cutInHalf(rebuilt.result());
        Files.writeString(left.result(), "[]");
        Files.writeString(checkpoint(left, 40).resolve("state.json"), "");
        Path root = dir.resolve("sweeps").resolve(SmallSweep.NAME);

        Cli.Result result = Cli.run("analyze", root.toString());

        String command = "threshold run " + root.resolve("sweep.yaml") + " --index 1";
        assertThat(result.errLines()).containsExactly(
                "warning: point 0 (" + p.get(0).identity() + "): " + rebuilt.result() + " is damaged: it ends in the middle of its "
                        + "JSON (cut short); rebuilt from its final checkpoint (step 40) and metrics.jsonl, the damaged file kept as "
                        + "result.json.damaged",
                "warning: point 1 (" + p.get(1).identity() + "): " + left.result() + " is damaged: it is not a JSON object (found []); "
                        + "the point is left out; '" + command + "' continues it from its checkpoint of step 20",
                "warning: point 1 (" + p.get(1).identity() + "): " + checkpoint(left, 40).resolve("state.json") + " is damaged: it is "
                        + "empty; the point is left out; '" + command + "' continues it from its checkpoint of step 20");
        assertThat(result.code()).isZero();
        assertThat(withoutTime(rebuilt.readResult().orElseThrow())).isEqualTo(withoutTime(original));
        List<String> summary = Files.readAllLines(root.resolve("summary.csv"));
        assertThat(summary.get(1)).contains(",finished,40,steps,");
        assertThat(summary.get(2)).endsWith(",damaged,,,,1," + p.get(1).identity());
        assertThat(summary.get(3)).contains(",finished,40,steps,");
        assertThat(result.out()).contains("point 1 is left out: " + left.result() + " is damaged: it is not a JSON object (found [])");
    }

    @Test
    void probeLeavesOutARunWhoseFinalWeightsAreDamagedAndProbesTheOthers() throws IOException {
        SmallSweep.copyInto(dir);
        List<IndexEntry> p = SmallSweep.index(dir).points();
        Path model = checkpoint(run(p.get(0)), 40).resolve("model.params");
        long bytes = cutInHalf(model);
        Path root = dir.resolve("sweeps").resolve(SmallSweep.NAME);

        Cli.Result result = Cli.run("probe", root.toString(), "--probe", "embedding-pca");

        assertThat(result.outLines()).contains("sweep " + root + ": 2 run(s)",
                "note: point 0 (" + p.get(0).identity() + ") is left out: " + model + " is damaged: it is cut short: " + bytes / 2
                        + " of its " + bytes + " bytes are there");
        assertThat(result.err()).doesNotContain("\tat ", "internal failure");
    }

    @Test
    void aRunWhoseResultIsDamagedSaysSoAndRebuildsIt() throws IOException {
        Path file = SmallSweep.copyInto(dir);
        IndexEntry point = SmallSweep.index(dir).points().get(0);
        RunDirectory run = run(point);
        Files.write(run.result(), new byte[64]);

        Cli.Result result = Cli.run("run", file.toString(), "--index", "0");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.errLines()).containsExactly("warning: run " + point.identity() + ": " + run.result() + " is damaged: it holds "
                + "only zero bytes; kept as result.json.damaged, and rebuilt from the run's newest checkpoint and metrics.jsonl");
        assertThat(result.out()).contains("resuming from the checkpoint at step 40").doesNotContain("step 20/40");
        assertThat(run.readResult()).isPresent();
    }
}
