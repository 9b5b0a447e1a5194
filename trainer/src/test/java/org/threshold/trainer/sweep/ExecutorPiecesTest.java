package org.threshold.trainer.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigNode;
import org.threshold.api.sweep.PointOutcome;
import org.threshold.api.sweep.PointState;
import org.threshold.api.sweep.SweepCounts;
import org.threshold.api.sweep.SweepPoint;
import org.threshold.runs.sweep.GridValue;
import org.threshold.runs.sweep.IndexEntry;
import org.threshold.runs.sweep.RunLock;
import org.threshold.runs.sweep.SweepIndex;
import org.threshold.trainer.sweep.local.ExecutorLayout;

/** The small parts of running a sweep: layouts, locks, the parent watch, the index and the progress display. */
class ExecutorPiecesTest {

    @TempDir
    Path dir;

    @Test
    void autoFillsTheCoresWithSingleThreadedRuns() {
        assertThat(ExecutorLayout.choose(OptionalInt.empty(), OptionalInt.empty(), 2, 24)).isEqualTo(new ExecutorLayout(2, 1));
        assertThat(ExecutorLayout.choose(OptionalInt.empty(), OptionalInt.empty(), 16, 24)).isEqualTo(new ExecutorLayout(16, 1));
        assertThat(ExecutorLayout.choose(OptionalInt.empty(), OptionalInt.empty(), 8, 2)).as("few points: the cores shared")
                .isEqualTo(new ExecutorLayout(2, 4));
        assertThat(ExecutorLayout.choose(OptionalInt.of(1), OptionalInt.empty(), 2, 24)).isEqualTo(new ExecutorLayout(1, 2));
        assertThat(ExecutorLayout.choose(OptionalInt.empty(), OptionalInt.of(2), 8, 24)).isEqualTo(new ExecutorLayout(4, 2));
        assertThat(ExecutorLayout.choose(OptionalInt.of(3), OptionalInt.of(5), 2, 24)).as("as given").isEqualTo(new ExecutorLayout(3, 5));
        assertThat(new ExecutorLayout(2, 1).describe()).isEqualTo("2 runs at once, 1 thread each");
    }

    @Test
    void aRunLockIsHeldUntilClosedAndSaysWhoHoldsIt() {
        Path run = dir.resolve("runs").resolve("abc");
        try (RunLock lock = RunLock.tryAcquire(run).orElseThrow()) {
            assertThat(RunLock.isHeld(run)).isTrue();
            assertThat(RunLock.tryAcquire(run)).as("a second claim on the same run").isEmpty();
            assertThat(RunLock.holder(run).orElseThrow()).matches("\\d+@.+");
        }
        assertThat(RunLock.isHeld(run)).isFalse();
        assertThat(RunLock.tryAcquire(run)).isPresent().get().satisfies(RunLock::close);
        assertThat(RunLock.isHeld(dir.resolve("never-started"))).isFalse();
    }

    @Test
    void aPointStopsWhenItsSweepIsGone() throws Exception {
        Process sweep = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).start();
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicInteger code = new AtomicInteger();
        Optional<Thread> watch = ParentWatch.start(Map.of(ParentWatch.ENVIRONMENT_VARIABLE, Long.toString(sweep.pid())), c -> {
            code.set(c);
            stopped.countDown();
        });
        assertThat(watch).isPresent();
        sweep.waitFor();
        assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(code.get()).isEqualTo(ParentWatch.EXIT_CODE);
        assertThat(ParentWatch.start(Map.of(), c -> { })).as("not started by a sweep").isEmpty();
    }

    @Test
    void theIndexReadsBackAsWritten() {
        Map<String, JsonElement> coordinates = new LinkedHashMap<>();
        ConfigNode.Mapping tree = (ConfigNode.Mapping) ConfigDocument.parse("a: {d: 16, ops: [MAX, SUM], w: {MAX: 2}, x: 1.0e-3, q: '7'}",
                "s.yaml").tree();
        ((ConfigNode.Mapping) tree.get("a").orElseThrow()).entries().forEach(e -> coordinates.put(e.key(), GridValue.json(e.value())));
        IndexEntry entry = new IndexEntry(0, "0123456789ab", "SUM-900", Optional.of("SUM-900"), coordinates, 4240, 1, 7, "accuracy");
        SweepIndex index = new SweepIndex("s", List.of("d", "ops", "w", "x", "q"), List.of(entry));

        SweepIndex read = SweepIndex.fromJson(JsonParser.parseString(index.toJson().toString()).getAsJsonObject());

        assertThat(read.points()).singleElement().satisfies(p -> {
            assertThat(p.coordinate("d")).contains("16");
            assertThat(p.coordinate("ops")).contains("[MAX, SUM]");
            assertThat(p.coordinate("w")).contains("{MAX: 2}");
            assertThat(p.coordinate("x")).contains("1.0e-3");
            assertThat(p.coordinate("q")).contains("7");
            assertThat(p.seedLabel()).isEqualTo("seed=1,init_seed=7");
        });
        assertThat(read.toJson()).isEqualTo(index.toJson());
        assertThat(index.toJson().getAsJsonArray("points").get(0).getAsJsonObject().getAsJsonObject("coordinates").toString())
                .isEqualTo("{\"d\":16,\"ops\":[\"MAX\",\"SUM\"],\"w\":{\"MAX\":2},\"x\":1.0e-3,\"q\":\"7\"}");
    }

    @Test
    void withoutATerminalProgressIsPlainLinesWithTheCounts() {
        StringWriter text = new StringWriter();
        SweepProgress progress = new SweepProgress(new PrintWriter(text), false);
        SweepPoint point = new SweepPoint(3, "0123456789ab", "SUM-900", Optional.empty(), Map.of(), 4240, 1, 1, "accuracy");
        progress.starting("2 runs at once, 1 thread each (2 cores)", new SweepCounts(4, 1, 0, 0, 0, 3, Optional.empty()));
        progress.started(point, new SweepCounts(4, 1, 0, 1, 0, 2, Optional.empty()));
        progress.ended(new PointOutcome(point, PointState.FINISHED, "test_accuracy 0.530 (accuracy), 80 steps, 12s",
                Duration.ofSeconds(12)), new SweepCounts(4, 2, 0, 0, 0, 2, Optional.of(Duration.ofSeconds(95))));
        progress.close();
        String[] lines = text.toString().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("4 grid points: 1 finished before, 0 failed before, 3 to run; 2 runs at once, 1 thread each (2 cores)");
        assertThat(lines[1]).matches("\\d\\d:\\d\\d(:\\d\\d)? started  point 3 SUM-900 \\(0123456789ab\\); 1/4 done, 0 failed, 1 running, 2 left");
        assertThat(lines[2]).endsWith(" finished point 3 SUM-900 (0123456789ab): test_accuracy 0.530 (accuracy), 80 steps, 12s; "
                + "2/4 done, 0 failed, 0 running, 2 left, ETA 1m35s");
    }

    @Test
    void onATerminalTheStatusLineIsRewrittenInPlace() {
        StringWriter text = new StringWriter();
        SweepProgress progress = new SweepProgress(new PrintWriter(text), true);
        progress.waiting(new SweepCounts(4, 1, 0, 2, 0, 1, Optional.empty()));
        progress.waiting(new SweepCounts(4, 2, 0, 1, 1, 0, Optional.of(Duration.ofSeconds(5))));
        progress.close();
        assertThat(text.toString()).isEqualTo("\r[1/4 done, 0 failed, 2 running, 1 left]"
                + "\r[2/4 done, 0 failed, 1 running, 1 running elsewhere, 0 left, ETA 5s]\n");
    }
}
