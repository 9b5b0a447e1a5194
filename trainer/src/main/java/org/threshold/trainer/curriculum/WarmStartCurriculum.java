package org.threshold.trainer.curriculum;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.threshold.api.curriculum.Curriculum;
import org.threshold.api.curriculum.Evaluation;
import org.threshold.api.curriculum.Stage;

/**
 * Training that begins from another run's weights (SPEC section 6, "warm start from another run's
 * checkpoint") and then follows any curriculum for its mixture. The trainer loads the checkpoint's
 * model parameters in place of a fresh initialization when the run starts; a run that resumes
 * from a checkpoint of its own continues from that instead. The optimizer starts fresh, and so
 * does the learning-rate schedule: step 1 of this run is step 1 of its schedule.
 */
public final class WarmStartCurriculum implements Curriculum {

    private final Path checkpoint;
    private final Curriculum then;

    /**
     * @param checkpoint the checkpoint directory whose {@code model.params} the run starts from
     * @param then the mixture schedule of the run
     */
    public WarmStartCurriculum(Path checkpoint, Curriculum then) {
        if (then.startFrom().isPresent()) {
            throw new IllegalArgumentException("a warm start cannot hold another warm start (" + then.startFrom().get() + ")");
        }
        this.checkpoint = checkpoint;
        this.then = then;
    }

    @Override
    public Optional<Path> startFrom() {
        return Optional.of(checkpoint);
    }

    @Override
    public Map<String, Double> weights(long step) {
        return then.weights(step);
    }

    @Override
    public void observe(Evaluation evaluation) {
        then.observe(evaluation);
    }

    @Override
    public Stage stage() {
        return then.stage();
    }

    @Override
    public Map<String, String> state() {
        return then.state();
    }

    @Override
    public void restore(Map<String, String> state) {
        then.restore(state);
    }

    @Override
    public String toString() {
        return "warm start from " + checkpoint + ", then " + then;
    }
}
