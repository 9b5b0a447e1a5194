package org.threshold.trainer.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.threshold.api.sweep.PointCommand;
import org.threshold.api.sweep.SweepJob;
import org.threshold.api.sweep.SweepListener;
import org.threshold.api.sweep.SweepOutcome;
import org.threshold.api.sweep.SweepPoint;
import org.threshold.runs.sweep.SweepDirectory;
import org.threshold.trainer.sweep.local.LocalExecutor;
import org.threshold.trainer.sweep.local.LocalExecutorConfig;

/**
 * A sweep of {@link FakePoint}s run by the local executor: in the test's JVM, or as a process of
 * its own that a test can kill ({@link #main}: sweep directory, points, steps, milliseconds per
 * step, parallel).
 */
public final class FakeSweep {

    private final SweepDirectory directory;
    private final int steps;
    private final long pause;
    private final Map<Integer, Integer> failures;
    private final java.util.Set<Integer> fillingTheDisk;

    /**
     * @param failures point index to the step at which it fails
     */
    public FakeSweep(Path root, int steps, long pause, Map<Integer, Integer> failures) {
        this(root, steps, pause, failures, java.util.Set.of());
    }

    /**
     * @param fillingTheDisk points that fill the disk of their run directory before they fail
     */
    public FakeSweep(Path root, int steps, long pause, Map<Integer, Integer> failures, java.util.Set<Integer> fillingTheDisk) {
        this.directory = new SweepDirectory(root);
        this.steps = steps;
        this.pause = pause;
        this.failures = Map.copyOf(failures);
        this.fillingTheDisk = java.util.Set.copyOf(fillingTheDisk);
    }

    public static void main(String[] args) throws Exception {
        FakeSweep sweep = new FakeSweep(Path.of(args[0]), Integer.parseInt(args[2]), Long.parseLong(args[3]), Map.of());
        SweepOutcome outcome = sweep.run(Integer.parseInt(args[1]), Integer.parseInt(args[4]),
                new SweepProgress(new PrintWriter(System.out, true), false));
        System.out.println(outcome.complete() ? "complete" : "incomplete");
    }

    public SweepDirectory directory() {
        return directory;
    }

    public static String identity(int index) {
        return "point" + index;
    }

    public SweepJob job(int points) {
        List<SweepPoint> entries = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            Map<String, String> coordinates = Map.of("seed", Integer.toString(i));
            entries.add(new SweepPoint(i, identity(i), "fake", Optional.empty(), coordinates, 1000 + i, i, i, "accuracy"));
        }
        return new SweepJob("fake", directory.root(), entries, new PointCommand() {
            @Override
            public List<String> arguments(int index, int threads) {
                return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                        "-cp", System.getProperty("java.class.path"), FakePoint.class.getName(), directory.runs().toString(),
                        identity(index), Integer.toString(steps), Long.toString(pause),
                        Integer.toString(failures.getOrDefault(index, 0)), fillingTheDisk.contains(index) ? "fill" : "-");
            }

            @Override
            public String display(int index) {
                return "fake run --index " + index;
            }
        });
    }

    public SweepOutcome run(int points, int parallel, SweepListener listener) throws InterruptedException {
        return new LocalExecutor(new LocalExecutorConfig(OptionalInt.of(parallel), OptionalInt.of(1)), parallel)
                .execute(job(points), listener);
    }

    /** The lines of a point's log (sessions.log, steps.log); empty when it has none. */
    public List<String> log(int index, String file) {
        Path path = directory.runs().resolve(identity(index)).resolve(file);
        try {
            return Files.exists(path) ? Files.readAllLines(path, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The steps 1..steps, as a finished point's steps.log holds them. */
    public List<String> allSteps() {
        return IntStream.rangeClosed(1, steps).mapToObj(Integer::toString).toList();
    }
}
