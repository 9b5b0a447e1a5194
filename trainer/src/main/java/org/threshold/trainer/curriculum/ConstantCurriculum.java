package org.threshold.trainer.curriculum;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.threshold.api.curriculum.Curriculum;
import org.threshold.api.curriculum.Stage;

/**
 * The same mixture at every step (SPEC section 6, "constant mixture"): each batch draws from the
 * task's components in proportion to these weights. It has no state, so checkpoints keep nothing.
 */
public final class ConstantCurriculum implements Curriculum {

    private final Map<String, Double> weights;
    private final Stage stage;

    /** @param weights by component name; non-negative, at least one positive */
    public ConstantCurriculum(Map<String, Double> weights) {
        if (weights.values().stream().noneMatch(w -> w > 0)) {
            throw new IllegalArgumentException("a mixture needs at least one positive weight, got " + weights);
        }
        weights.forEach((name, w) -> {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("component " + name + " has weight " + w + "; weights are finite and >= 0");
            }
        });
        this.weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        this.stage = Stage.only(label(this.weights));
    }

    @Override
    public Map<String, Double> weights(long step) {
        return weights;
    }

    @Override
    public Stage stage() {
        return stage;
    }

    /** "MAX+MED" for the components with positive weight, the paper's way of naming a mixture. */
    private static String label(Map<String, Double> weights) {
        return String.join("+", weights.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList());
    }

    @Override
    public String toString() {
        return "constant " + weights;
    }
}
