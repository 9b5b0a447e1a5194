package org.threshold.translation;

import java.util.Locale;
import org.threshold.api.config.Choice;

/**
 * How the training stream is offered to curricula.
 *
 * <p>{@link #STREAM} (the default) is SPEC section 4's data: one component, the blocks of all
 * edges in config order cut into windows, so a window may span two edges' blocks and the edges
 * are mixed in proportion to their sample counts. {@link #EDGES} gives one component per edge
 * with training samples, each its own block cut into windows, weighted by its share of the
 * stream's tokens; a curriculum can then, for instance, train A->B and B->C first and add the
 * sparse A->C later (the paper's Proposition 1 discusses such loss imbalances).
 */
public enum ComponentLayout implements Choice {
    STREAM,
    EDGES;

    /** The word used in configs. */
    @Override
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
