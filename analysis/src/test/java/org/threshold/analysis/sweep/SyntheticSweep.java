package org.threshold.analysis.sweep;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.IntToLongFunction;
import org.threshold.api.curriculum.Stage;
import org.threshold.runs.run.EvaluationRecord;
import org.threshold.runs.run.RunDirectory;
import org.threshold.runs.run.RunResult;
import org.threshold.runs.run.StopReason;
import org.threshold.runs.run.Timing;
import org.threshold.runs.sweep.IndexEntry;
import org.threshold.runs.sweep.PointFailure;
import org.threshold.runs.sweep.SweepDirectory;
import org.threshold.runs.sweep.SweepIndex;

/**
 * A sweep directory written by hand: an index over mixtures × model.d × seed, and run
 * directories whose results follow a rule the test chooses, as if the runs had trained.
 */
final class SyntheticSweep {

    /** The final accuracy of a run; empty: the run did not finish. */
    interface Outcome {
        OptionalDouble accuracy(String mixture, int d, int seed);
    }

    static final int[] D = {16, 24, 32, 48};

    private SyntheticSweep() {
    }

    /** Parameters of a 1-layer GPT with vocabulary 24 and context 10, as the paper's sizes. */
    static long parameters(int d) {
        return 24L * d + 10L * d + 12L * d * d + 13L * d + 24L * d;
    }

    /** {@link #parameters} with the head tied to the token embedding, counted once: less the (24, d) head. */
    static long tiedParameters(int d) {
        return parameters(d) - 24L * d;
    }

    static SweepIndex write(Path root, List<String> mixtures, int seeds, Outcome outcome) {
        return write(root, mixtures, seeds, outcome, SyntheticSweep::parameters);
    }

    /** As {@link #write(Path, List, int, Outcome)}, each run's result.json with {@code uniqueParameters(d)}. */
    static SweepIndex write(Path root, List<String> mixtures, int seeds, Outcome outcome, IntToLongFunction uniqueParameters) {
        SweepDirectory directory = new SweepDirectory(root);
        List<IndexEntry> points = new ArrayList<>();
        for (String mixture : mixtures) {
            for (int d : D) {
                for (int seed = 1; seed <= seeds; seed++) {
                    Map<String, JsonElement> coordinates = new LinkedHashMap<>();
                    coordinates.put("model.d", new JsonPrimitive(d));
                    coordinates.put("seed", new JsonPrimitive(seed));
                    String identity = String.format("%s-d%d-s%d", mixture.replace('+', '_'), d, seed);
                    IndexEntry point = new IndexEntry(points.size(), identity, mixture, Optional.of(mixture), coordinates,
                            parameters(d), seed, seed, "accuracy");
                    points.add(point);
                    OptionalDouble accuracy = outcome.accuracy(mixture, d, seed);
                    RunDirectory run = directory.run(identity);
                    run.create();
                    if (accuracy.isPresent()) {
                        double a = accuracy.getAsDouble();
                        for (int step = 100; step <= 400; step += 100) {
                            double progress = step / 400.0;
                            run.metrics().append(new EvaluationRecord(step, Map.of("accuracy", a * progress,
                                    "accuracy.train", Math.min(1, 1.2 * a * progress)), 2.0 - 1.5 * progress, 1e-3,
                                    new Stage(0, "main", true), Map.of(mixture, 1.0), new Timing(step / 100.0, 0.1, 100)));
                        }
                        run.writeResult(new RunResult(StopReason.STEPS, "trained 400 steps", "accuracy", accuracy, parameters(d), 400,
                                400, OptionalDouble.of(0.5), Map.of("accuracy", a, "accuracy.SUM", a / 2), Map.of(), "synthetic",
                                identity, "synthetic task", "gpt d=" + d, 4.0, Optional.empty(), Map.of(),
                                uniqueParameters.applyAsLong(d)));
                    }
                }
            }
        }
        SweepIndex index = new SweepIndex("synthetic", List.of("model.d", "seed"), points);
        directory.write("sweep: {}\n".getBytes(StandardCharsets.UTF_8), index);
        return index;
    }

    /** Marks a point as failed the way the local executor does. */
    static void fail(Path root, IndexEntry point) {
        new PointFailure(point.index(), point.identity(), 1, "threshold run sweep.yaml --index " + point.index(),
                List.of("threshold: internal failure: OutOfMemoryError"), "2025-01-01T00:00:00Z", 3.0)
                .write(new SweepDirectory(root).runs().resolve(point.identity()));
    }
}
