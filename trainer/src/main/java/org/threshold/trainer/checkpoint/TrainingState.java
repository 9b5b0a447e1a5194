package org.threshold.trainer.checkpoint;

import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.threshold.runs.Json;
import org.threshold.runs.JsonFields;
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

    /** @throws org.threshold.runs.JsonFields.Problem naming a field that is missing or mistyped */
    static TrainingState fromJson(JsonObject o) {
        JsonFields f = JsonFields.of(o);
        Map<String, Long> drawn = new TreeMap<>();
        JsonFields sampler = f.object("sampler_drawn");
        for (String component : sampler.keys()) {
            drawn.put(component, sampler.whole(component));
        }
        Map<String, String> curriculum = new TreeMap<>();
        JsonFields c = f.object("curriculum");
        for (String key : c.keys()) {
            curriculum.put(key, c.text(key));
        }
        Optional<StopReason> ended;
        try {
            ended = f.optionalText("ended").map(StopReason::of);
        } catch (IllegalArgumentException e) {
            throw new JsonFields.Problem("its field 'ended' is not a stop reason (" + e.getMessage() + ")");
        }
        return new TrainingState(f.whole("step"), new SamplerState(drawn), curriculum, f.number("loss_sum"), f.whole("loss_steps"),
                new StoppingState(f.number("stopping_previous_loss"), f.integer("stopping_quiet_evaluations")), ended,
                f.number("elapsed_s"));
    }

    String toText() {
        return Json.PRETTY.toJson(toJson()) + "\n";
    }
}
