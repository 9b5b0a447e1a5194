package org.threshold.runs.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.threshold.runs.Json;
import org.threshold.runs.JsonFields;
import org.threshold.runs.run.StopReason;

/**
 * result.json: a run's final figures, written last and atomically. Other tools rely on its names
 * (docs/RUNS.md): {@code test_accuracy} is the value of the metric the config names
 * ({@code metric}), {@code parameters} the model's trainable parameters.
 *
 * @param stopReason why the run ended; {@code status} is "finished" or "failed" accordingly
 * @param message one line for humans saying how it ended (and, for a failure, what to change)
 * @param metric the headline metric's name
 * @param testAccuracy the headline metric at the last evaluation; empty if none ran
 * @param parameters the model's parameter count (SPEC section 5)
 * @param steps training steps done
 * @param plannedSteps training steps the config asked for
 * @param trainLoss the mean training loss of the last evaluation; empty if none ran
 * @param metrics every metric of the last evaluation
 * @param figures the task's figures known without training (chance levels, baselines)
 * @param name the config's label
 * @param identity the run directory's name
 * @param task the task as configured, in one line
 * @param model the model in one line
 * @param wallSeconds training time across sessions, in seconds (a timing field)
 * @param numerics the numerical environment every session of the run computed with (provenance.json
 *     has it too); empty for runs written before it was recorded
 * @param phases the training phases the task names ({@code Task.phases()}, e.g. {@code phase.routed}),
 *     each with the first evaluation step at which it was reached, empty when it never was; no
 *     entries for a task that names none
 * @param uniqueParameters unique trainable parameters, SPEC section 9's count (a tied matrix once,
 *     fixed encodings zero); a result.json written before it was recorded reads as {@code parameters}
 */
public record RunResult(StopReason stopReason, String message, String metric, OptionalDouble testAccuracy, long parameters,
                        long steps, long plannedSteps, OptionalDouble trainLoss, Map<String, Double> metrics,
                        Map<String, Double> figures, String name, String identity, String task, String model,
                        double wallSeconds, Optional<Numerics> numerics, Map<String, OptionalLong> phases,
                        long uniqueParameters) {

    /** A result whose model counts each trainable parameter once (its unique count is its count). */
    public RunResult(StopReason stopReason, String message, String metric, OptionalDouble testAccuracy, long parameters,
                     long steps, long plannedSteps, OptionalDouble trainLoss, Map<String, Double> metrics,
                     Map<String, Double> figures, String name, String identity, String task, String model,
                     double wallSeconds, Optional<Numerics> numerics, Map<String, OptionalLong> phases) {
        this(stopReason, message, metric, testAccuracy, parameters, steps, plannedSteps, trainLoss, metrics, figures, name,
                identity, task, model, wallSeconds, numerics, phases, parameters);
    }

    /** A result without phases (a task that names none, an older run). */
    public RunResult(StopReason stopReason, String message, String metric, OptionalDouble testAccuracy, long parameters,
                     long steps, long plannedSteps, OptionalDouble trainLoss, Map<String, Double> metrics,
                     Map<String, Double> figures, String name, String identity, String task, String model, double wallSeconds,
                     Optional<Numerics> numerics) {
        this(stopReason, message, metric, testAccuracy, parameters, steps, plannedSteps, trainLoss, metrics, figures, name,
                identity, task, model, wallSeconds, numerics, Map.of());
    }

    /** A result without recorded numerics (an older run, a test). */
    public RunResult(StopReason stopReason, String message, String metric, OptionalDouble testAccuracy, long parameters,
                     long steps, long plannedSteps, OptionalDouble trainLoss, Map<String, Double> metrics,
                     Map<String, Double> figures, String name, String identity, String task, String model, double wallSeconds) {
        this(stopReason, message, metric, testAccuracy, parameters, steps, plannedSteps, trainLoss, metrics, figures, name,
                identity, task, model, wallSeconds, Optional.empty(), Map.of());
    }

    /** Version of the result.json format; bumped when a field changes meaning. */
    public static final int SCHEMA = 1;

    public RunResult {
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        phases = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(phases));
    }

    /** The phases reached, with their steps, in the task's order. */
    public Map<String, Long> phasesReached() {
        Map<String, Long> out = new LinkedHashMap<>();
        phases.forEach((name, step) -> step.ifPresent(s -> out.put(name, s)));
        return out;
    }

    /** The phases the task names that the run never reached, in the task's order. */
    public List<String> phasesUnreached() {
        List<String> out = new ArrayList<>();
        phases.forEach((name, step) -> {
            if (step.isEmpty()) {
                out.add(name);
            }
        });
        return out;
    }

    public boolean finished() {
        return stopReason.finished();
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("schema", SCHEMA);
        o.addProperty("status", finished() ? "finished" : "failed");
        testAccuracy.ifPresent(v -> o.addProperty("test_accuracy", v));
        o.addProperty("metric", metric);
        o.addProperty("parameters", parameters);
        o.addProperty("unique_parameters", uniqueParameters);
        o.addProperty("steps", steps);
        o.addProperty("planned_steps", plannedSteps);
        o.addProperty("stop_reason", stopReason.word());
        o.addProperty("message", message);
        trainLoss.ifPresent(v -> o.addProperty("train_loss", v));
        o.add("metrics", Json.numbers(metrics));
        o.add("figures", Json.numbers(figures));
        o.addProperty("name", name);
        o.addProperty("identity", identity);
        o.addProperty("task", task);
        o.addProperty("model", model);
        JsonObject time = new JsonObject();
        time.addProperty("wall_s", wallSeconds);
        o.add("time", time);
        numerics.ifPresent(n -> o.add("numerics", n.toJson()));
        if (!phases.isEmpty()) {
            // a phase never reached is absent from phases (SPEC section 8) and named in phases_unreached
            JsonObject reached = new JsonObject();
            phasesReached().forEach(reached::addProperty);
            o.add("phases", reached);
            List<String> unreached = phasesUnreached();
            if (!unreached.isEmpty()) {
                JsonArray names = new JsonArray();
                unreached.forEach(names::add);
                o.add("phases_unreached", names);
            }
        }
        return o;
    }

    public static RunResult fromJson(JsonObject o) {
        JsonFields f = JsonFields.of(o);
        return new RunResult(stopReason(f), f.text("message"), f.text("metric"), f.optionalNumber("test_accuracy"),
                f.whole("parameters"), f.whole("steps"), f.whole("planned_steps"), f.optionalNumber("train_loss"),
                f.numbers("metrics"), f.numbers("figures"), f.text("name"), f.text("identity"), f.text("task"), f.text("model"),
                f.object("time").number("wall_s"), f.optionalObject("numerics").map(n -> Numerics.fromJson(n.json())), phases(f),
                f.has("unique_parameters") ? f.whole("unique_parameters") : f.whole("parameters"));
    }

    private static Map<String, OptionalLong> phases(JsonFields f) {
        Map<String, OptionalLong> out = new LinkedHashMap<>();
        f.optionalObject("phases").ifPresent(p -> p.keys().forEach(name -> out.put(name, OptionalLong.of(p.whole(name)))));
        if (f.has("phases_unreached")) {
            f.texts("phases_unreached").forEach(name -> out.put(name, OptionalLong.empty()));
        }
        return out;
    }

    private static StopReason stopReason(JsonFields f) {
        try {
            return StopReason.of(f.text("stop_reason"));
        } catch (IllegalArgumentException e) {
            throw new JsonFields.Problem("its field 'stop_reason' is not a stop reason (" + e.getMessage() + ")");
        }
    }

}
