package org.threshold.analysis.transition;

/**
 * Where a mixture's transition lies, as far as the sweep can tell (SPEC section 7, issue 6): a
 * value inside the measured sizes, a bound when the crossing lies outside them (or when every run
 * is on one side of the threshold), or no answer with the reason.
 */
public sealed interface TransitionEstimate
        permits TransitionEstimate.Located, TransitionEstimate.Bounded, TransitionEstimate.Undetermined {

    /** "31.2k parameters", "below 4.1k", or the reason there is no answer. */
    String describe();

    /** The fitted curve crosses the threshold at this parameter count, inside the measured sizes. */
    record Located(double parameters) implements TransitionEstimate {

        public Located {
            if (!(parameters > 0) || Double.isInfinite(parameters)) {
                throw new IllegalArgumentException("a transition point is a positive parameter count, got " + parameters);
            }
        }

        @Override
        public String describe() {
            return ParameterCount.format(parameters) + " parameters";
        }
    }

    /**
     * The transition lies below the smallest or above the largest measured size.
     *
     * @param side which side of {@code parameters} the transition lies on
     * @param parameters the smallest or largest size measured
     * @param reason why it is a bound ("all 12 runs are above 50%")
     */
    record Bounded(Side side, double parameters, String reason) implements TransitionEstimate {

        public Bounded {
            if (side == null || reason == null) {
                throw new IllegalArgumentException("a bound needs a side and a reason");
            }
            if (!(parameters > 0) || Double.isInfinite(parameters)) {
                throw new IllegalArgumentException("a bound is a positive parameter count, got " + parameters);
            }
        }

        @Override
        public String describe() {
            return side.word() + " " + ParameterCount.format(parameters);
        }
    }

    /** No value and no bound can be given; {@code reason} says why. */
    record Undetermined(String reason) implements TransitionEstimate {

        public Undetermined {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("an undetermined transition needs a reason");
            }
        }

        @Override
        public String describe() {
            return reason;
        }
    }
}
