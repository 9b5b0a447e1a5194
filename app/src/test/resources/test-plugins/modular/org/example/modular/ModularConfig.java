package org.example.modular;

import java.util.List;
import java.util.Map;
import org.threshold.api.config.ConfigSection;

/**
 * The modular task's config: equations {@code a+b=c} (and {@code a-b=c}) over the residues mod
 * {@code modulus}.
 *
 * @param operators the operators to train on, in config order: ADD, SUB or both
 */
public record ModularConfig(int modulus, List<String> operators) {

    /** Every operator of this algebra, in vocabulary order. */
    public static final List<String> OPERATORS = List.of("ADD", "SUB");

    public static ModularConfig bind(ConfigSection s) {
        int modulus = s.integer("modulus", 3, 2, 10);
        Map<String, Double> weights = s.weights("operators", Map.of("ADD", 1.0), OPERATORS);
        return new ModularConfig(modulus, List.copyOf(weights.keySet()));
    }
}
