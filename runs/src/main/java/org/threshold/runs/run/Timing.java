package org.threshold.runs.run;

import com.google.gson.JsonObject;
import org.threshold.runs.JsonFields;

/**
 * How long things took, kept apart from the science in every record (the {@code time} field) so
 * that determinism checks can ignore it.
 *
 * @param elapsedSeconds training time of the run so far, across resumed sessions
 * @param evaluationSeconds time this evaluation took
 * @param stepsPerSecond training steps per second since the previous evaluation
 */
public record Timing(double elapsedSeconds, double evaluationSeconds, double stepsPerSecond) {

    JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("elapsed_s", elapsedSeconds);
        o.addProperty("eval_s", evaluationSeconds);
        o.addProperty("steps_per_s", stepsPerSecond);
        return o;
    }

    static Timing fromJson(JsonObject o) {
        JsonFields f = JsonFields.of(o);
        return new Timing(f.number("elapsed_s"), f.number("eval_s"), f.number("steps_per_s"));
    }
}
