package org.threshold.api.task;

import java.util.List;

/**
 * The published protocol a test set follows, when it follows one (see {@link Task#protocol(String)}):
 * how {@code threshold eval} reports the set in that protocol's own terms. AdderBoard's verify.py,
 * for example, counts the cases a model passes out of 10,010, qualifies it at 99%, and names each
 * case by its operands a and b.
 */
public interface Protocol {

    /** The protocol's name as its users know it, e.g. {@code AdderBoard}. */
    String name();

    /** The share of the set's prompts a model must get right to qualify, in (0, 1]. */
    double qualifyingAccuracy();

    /** Names of the values that describe one prompt in the protocol's terms, e.g. {@code a, b}. */
    List<String> columns();

    /** The values of {@link #columns()} for one prompt of the set, e.g. its two operands. */
    List<String> describe(EvalItem item);

    /**
     * A completion as the protocol reads an answer, e.g. the number a model wrote; the completion's
     * text when it is no answer at all.
     */
    String answer(int[] completion);
}
