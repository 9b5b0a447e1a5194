package org.threshold.listops.expression;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The operators a task mixes, with weights, and how they mix (SPEC section 2). Joint training is a
 * mixture of operators: the paper's MAX+MED+SUM is {@code {MAX: 1, MED: 1, SUM: 1}} mixed within
 * expressions.
 *
 * @param operators distinct operators, in config order
 * @param weights one finite weight &ge; 0 per operator, at least one positive
 * @param mixing how operators meet in one expression
 */
public record OperatorMixture(List<Operator> operators, List<Double> weights, Mixing mixing) {

    public OperatorMixture {
        operators = List.copyOf(operators);
        weights = List.copyOf(weights);
        if (operators.isEmpty()) {
            throw new IllegalArgumentException("a mixture needs at least one operator");
        }
        if (weights.size() != operators.size()) {
            throw new IllegalArgumentException(operators.size() + " operators but " + weights.size() + " weights");
        }
        double total = 0;
        for (int i = 0; i < weights.size(); i++) {
            double w = weights.get(i);
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException(operators.get(i).name() + " has weight " + w + "; weights are finite and >= 0");
            }
            total += w;
            for (int j = 0; j < i; j++) {
                if (operators.get(j) == operators.get(i) || operators.get(j).name().equals(operators.get(i).name())) {
                    throw new IllegalArgumentException(operators.get(i).name() + " appears twice in the mixture");
                }
            }
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("at least one operator of " + nameOf(operators) + " needs a positive weight");
        }
    }

    /** One operator alone. */
    public static OperatorMixture of(Operator operator) {
        return new OperatorMixture(List.of(operator), List.of(1.0), Mixing.WITHIN);
    }

    /** Equal weights. */
    public static OperatorMixture equal(List<Operator> operators, Mixing mixing) {
        return new OperatorMixture(operators, operators.stream().map(o -> 1.0).toList(), mixing);
    }

    /** The mixture's name: its operators joined by {@code +}, e.g. {@code MAX+MED+SUM}. */
    public String name() {
        return nameOf(operators);
    }

    private static String nameOf(List<Operator> operators) {
        return operators.stream().map(Operator::name).collect(Collectors.joining("+"));
    }
}
