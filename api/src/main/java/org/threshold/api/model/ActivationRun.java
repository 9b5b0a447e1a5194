package org.threshold.api.model;

import ai.djl.ndarray.NDArray;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one forward pass through a model's {@link Hooks} gave. The arrays belong to the manager of
 * the tokens the pass ran on.
 *
 * @param logits (batch, time, vocabulary), computed from the replacements when there were any
 * @param activations the captured activations by hook name, in the order the pass reached them
 */
public record ActivationRun(NDArray logits, Map<String, NDArray> activations) {

    public ActivationRun {
        activations = Collections.unmodifiableMap(new LinkedHashMap<>(activations));
    }

    /** The captured activation {@code name}; an error names what was captured instead. */
    public NDArray get(String name) {
        NDArray a = activations.get(name);
        if (a == null) {
            throw new IllegalArgumentException("'" + name + "' was not captured in this pass; captured: "
                    + String.join(", ", activations.keySet()));
        }
        return a;
    }
}
