package org.threshold.trainer.checkpoint;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.threshold.runs.Json;
import org.threshold.runs.run.StopReason;
import org.threshold.trainer.sampling.SamplerState;
import org.threshold.trainer.stopping.StoppingState;

/**
 * The loop's own state at a checkpoint, beside the model's parameters and the optimizer's moments:
 * everything else a resumed run needs to continue exactly as the uninterrupted run would have.
 *
 * @param step training steps done
 * @param sampler examples drawn per component
 * @param curriculum the curriculum's own state ({@link org.threshold.api.curriculum.Curriculum#state()})
 * @param lossSum sum of the training losses since the previous evaluation
 * @param lossSteps steps since the previous evaluation
 * @param stopping the early-stopping rule's memory
 * @param ended why the run ended, when this is its last checkpoint
 * @param elapsedSeconds training time so far (a timing figure: never compared)
 */
public record TrainingState(long step, SamplerState sampler, Map<String, String> curriculum, double lossSum, long lossSteps,
                            StoppingState stopping, Optional<StopReason> ended, double elapsedSeconds) {

    public TrainingState {
        curriculum = Map.copyOf(curriculum);
    }

    JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("step", step);
        JsonObject drawn = new JsonObject();
        new TreeMap<>(sampler.drawn()).forEach(drawn::addProperty);
        o.add("sampler_drawn", drawn);
        JsonObject c = new JsonObject();
        new TreeMap<>(curriculum).forEach(c::addProperty);
        o.add("curriculum", c);
        o.addProperty("loss_sum", lossSum);
        o.addProperty("loss_steps", lossSteps);
        o.addProperty("stopping_previous_loss", stopping.previousLoss());
        o.addProperty("stopping_quiet_evaluations", stopping.quietEvaluations());
        ended.ifPresent(r -> o.addProperty("ended", r.word()));
        o.addProperty("elapsed_s", elapsedSeconds);
        return o;
    }

    static TrainingState fromJson(JsonObject o) {
        Map<String, Long> drawn = new TreeMap<>();
        for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("sampler_drawn").entrySet()) {
            drawn.put(e.getKey(), e.getValue().getAsLong());
        }
        Map<String, String> curriculum = new TreeMap<>();
        for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("curriculum").entrySet()) {
            curriculum.put(e.getKey(), e.getValue().getAsString());
        }
        JsonElement ended = o.get("ended");
        return new TrainingState(o.get("step").getAsLong(), new SamplerState(drawn), curriculum,
                o.get("loss_sum").getAsDouble(), o.get("loss_steps").getAsLong(),
                new StoppingState(o.get("stopping_previous_loss").getAsDouble(), o.get("stopping_quiet_evaluations").getAsInt()),
                ended == null ? Optional.empty() : Optional.of(StopReason.of(ended.getAsString())),
                o.get("elapsed_s").getAsDouble());
    }

    String toText() {
        return Json.PRETTY.toJson(toJson()) + "\n";
    }
}
