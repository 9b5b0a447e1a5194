package org.threshold.trainer.curriculum;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mixture's shares: the weights of a mixture divided by their sum, in the task's component
 * order, so that "50% SUM" means half of the batch whatever the weights were written as.
 *
 * @param shares component name to share; the shares sum to 1
 */
record Mixture(Map<String, Double> shares) {

    Mixture {
        shares = Collections.unmodifiableMap(new LinkedHashMap<>(shares));
    }

    /**
     * @param weights by component name: finite, non-negative, at least one positive
     * @param components the task's components, in order; every weighted name must be one of them
     */
    static Mixture of(Map<String, Double> weights, List<String> components) {
        double total = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            if (!components.contains(e.getKey())) {
                throw new IllegalArgumentException("'" + e.getKey() + "' is not a component of the task ("
                        + String.join(", ", components) + ")");
            }
            double w = e.getValue();
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("component " + e.getKey() + " has weight " + w
                        + "; weights are finite and >= 0");
            }
            total += w;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("a mixture needs at least one positive weight, got " + weights);
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        for (String c : components) {
            Double w = weights.get(c);
            if (w != null) {
                shares.put(c, w / total);
            }
        }
        return new Mixture(shares);
    }

    double share(String component) {
        return shares.getOrDefault(component, 0.0);
    }

    /** "MAX+MED" for the components with a positive share, the paper's way of naming a mixture. */
    String label() {
        return String.join("+", shares.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList());
    }
}
