package org.threshold.runs.run;

import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.threshold.api.curriculum.Evaluation;
import org.threshold.api.curriculum.Stage;
import org.threshold.runs.Json;

/**
 * One evaluation during training: one line of metrics.jsonl (field names in docs/RUNS.md).
 *
 * @param step the training step after which it ran
 * @param metrics metric name to value ({@code accuracy}, {@code accuracy.SUM}, {@code exact_match.train}, ...)
 * @param trainLoss mean training loss over the steps since the previous evaluation
 * @param learningRate the learning rate of the last step
 * @param stage the curriculum's stage when the evaluation ran (before it observed the evaluation)
 * @param weights the curriculum's component weights at the last step
 * @param time how long it took; ignored by determinism checks
 * @param nextStage the stage the curriculum moved to on seeing this evaluation (a staged
 *     curriculum's condition held), in which the following steps train; empty when it stayed
 */
public record EvaluationRecord(long step, Map<String, Double> metrics, double trainLoss, double learningRate, Stage stage,
                               Map<String, Double> weights, Timing time, Optional<Stage> nextStage) {

    public EvaluationRecord {
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    /** An evaluation after which the curriculum stayed in its stage. */
    public EvaluationRecord(long step, Map<String, Double> metrics, double trainLoss, double learningRate, Stage stage,
                            Map<String, Double> weights, Timing time) {
        this(step, metrics, trainLoss, learningRate, stage, weights, time, Optional.empty());
    }

    /** This evaluation, after which the curriculum moved to {@code next}. */
    public EvaluationRecord withNextStage(Stage next) {
        return new EvaluationRecord(step, metrics, trainLoss, learningRate, stage, weights, time, Optional.of(next));
    }

    /** What the curriculum sees: the metrics plus {@code loss}, the mean training loss. */
    public Evaluation evaluation() {
        Map<String, Double> m = new LinkedHashMap<>(metrics);
        m.put("loss", trainLoss);
        return new Evaluation(step, m);
    }

    /** The JSON object of one metrics.jsonl line. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("step", step);
        o.add("metrics", Json.numbers(metrics));
        o.addProperty("train_loss", trainLoss);
        o.addProperty("lr", learningRate);
        o.add("stage", stageJson(stage));
        nextStage.ifPresent(n -> o.add("next_stage", stageJson(n)));
        o.add("weights", Json.numbers(weights));
        o.add("time", time.toJson());
        return o;
    }

    public static EvaluationRecord fromJson(JsonObject o) {
        JsonObject next = o.getAsJsonObject("next_stage");
        return new EvaluationRecord(o.get("step").getAsLong(), Json.numbers(o.getAsJsonObject("metrics")),
                o.get("train_loss").getAsDouble(), o.get("lr").getAsDouble(), stageOf(o.getAsJsonObject("stage")),
                Json.numbers(o.getAsJsonObject("weights")), Timing.fromJson(o.getAsJsonObject("time")),
                next == null ? Optional.empty() : Optional.of(stageOf(next)));
    }

    private static JsonObject stageJson(Stage stage) {
        JsonObject s = new JsonObject();
        s.addProperty("index", stage.index());
        s.addProperty("name", stage.name());
        s.addProperty("last", stage.last());
        return s;
    }

    private static Stage stageOf(JsonObject s) {
        return new Stage(s.get("index").getAsInt(), s.get("name").getAsString(), s.get("last").getAsBoolean());
    }
}
