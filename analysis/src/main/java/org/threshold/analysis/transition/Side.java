package org.threshold.analysis.transition;

/** Which side of a bound the true value lies on. */
public enum Side {
    /** The value is below the bound ("below 4.1k"). */
    BELOW,
    /** The value is above the bound ("above 53k"). */
    ABOVE;

    /** The sign a reader expects in front of a bound: {@code <} or {@code >}. */
    public String symbol() {
        return this == BELOW ? "<" : ">";
    }

    public String word() {
        return this == BELOW ? "below" : "above";
    }

    Side opposite() {
        return this == BELOW ? ABOVE : BELOW;
    }
}
