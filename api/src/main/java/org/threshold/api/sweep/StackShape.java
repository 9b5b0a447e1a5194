package org.threshold.api.sweep;

import java.util.Optional;

/**
 * Which grid points may train as one stack (SPEC section 10): points of one shape class have
 * models of one shape and the same vocabulary, context, batch size and loss mode; a point whose
 * options do not stack says why, and trains alone.
 *
 * @param shapeClass points with the same class may share a stack; numbered by the sweep, from 0
 * @param alone why the point cannot be stacked; empty when it can
 */
public record StackShape(int shapeClass, Optional<String> alone) {

    /** A point the sweep did not classify (an executor driven by other code): it trains alone. */
    public static final StackShape UNKNOWN = new StackShape(-1, Optional.of("the sweep did not say which points share its shape"));

    /** A point of shape class {@code shapeClass} that stacks. */
    public static StackShape of(int shapeClass) {
        return new StackShape(shapeClass, Optional.empty());
    }

    /** A point that trains alone, and why. */
    public static StackShape alone(String why) {
        return new StackShape(-1, Optional.of(why));
    }

    public boolean stacks() {
        return alone.isEmpty();
    }
}
