package org.threshold.runs.run;

import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.threshold.api.curriculum.Evaluation;
import org.threshold.api.curriculum.Stage;
import org.threshold.runs.Json;
import org.threshold.runs.JsonFields;

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
        JsonFields f = JsonFields.of(o);
        return new EvaluationRecord(f.whole("step"), f.numbers("metrics"), f.number("train_loss"), f.number("lr"),
                stageOf(f.object("stage")), f.numbers("weights"), Timing.fromJson(f.object("time").json()),
                f.optionalObject("next_stage").map(EvaluationRecord::stageOf));
    }

    private static JsonObject stageJson(Stage stage) {
        JsonObject s = new JsonObject();
        s.addProperty("index", stage.index());
        s.addProperty("name", stage.name());
        s.addProperty("last", stage.last());
        return s;
    }

    private static Stage stageOf(JsonFields s) {
        return new Stage(s.integer("index"), s.text("name"), s.bool("last"));
    }
}
