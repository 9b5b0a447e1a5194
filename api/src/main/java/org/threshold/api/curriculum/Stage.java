package org.threshold.api.curriculum;

/**
 * Where a curriculum is: recorded with every evaluation, and {@code last} gates early stopping
 * (SPEC section 6: early stopping applies only in the last stage).
 *
 * @param index 0-based stage number
 * @param name a label for metrics and plots, e.g. "MAX+MED" or "hand-over"
 * @param last whether no later stage can follow
 */
public record Stage(int index, String name, boolean last) {

    /** The stage of a curriculum that has only one. */
    public static Stage only(String name) {
        return new Stage(0, name, true);
    }
}
