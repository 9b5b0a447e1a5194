package org.threshold.api.task;

/**
 * A named sub-dataset of a task that a curriculum can weight, e.g. the per-expression MAX, MED
 * and SUM parts of a ListOps mixture. Components of one task share its vocabulary (and, for
 * ListOps, the excluded triplets).
 *
 * @param name stable name used in curriculum configs and metric names
 * @param weight the weight the task itself gives this component (the constant mixture's default)
 * @param data the examples
 */
public record Component(String name, double weight, TrainingSet data) {

    public Component {
        if (name.isBlank()) {
            throw new IllegalArgumentException("a component needs a name");
        }
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("component " + name + " has weight " + weight + "; weights are finite and >= 0");
        }
    }
}
