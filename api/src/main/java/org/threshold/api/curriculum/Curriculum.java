package org.threshold.api.curriculum;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Mixture weights over a task's named components that may change with the step and with the
 * latest evaluation (SPEC section 6). The trainer asks for the weights of every batch, shows the
 * curriculum every evaluation, records its stage, and saves its state in checkpoints so a resumed
 * run continues exactly.
 *
 * <p>A constant mixture implements {@link #weights} alone; staged curricula override the rest.
 */
public interface Curriculum {

    /**
     * The weights for the batch of this step, by component name. Weights are >= 0 and at least
     * one is positive; components not named have weight 0.
     */
    Map<String, Double> weights(long step);

    /** Sees an evaluation (after training step {@code evaluation.step()}); may move to another stage. */
    default void observe(Evaluation evaluation) {
    }

    /** The current stage. */
    default Stage stage() {
        return Stage.only("main");
    }

    /**
     * A run directory (or checkpoint file) whose model weights the run starts from instead of a
     * fresh initialization: a warm start. Asked once, before training.
     */
    default Optional<Path> startFrom() {
        return Optional.empty();
    }

    /** The state to put in a checkpoint, as text; empty for a curriculum without state. */
    default Map<String, String> state() {
        return Map.of();
    }

    /** Restores a state given by {@link #state()}, when a run resumes from a checkpoint. */
    default void restore(Map<String, String> state) {
    }
}
