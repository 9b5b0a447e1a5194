package org.threshold.api.task;

/**
 * The prompts of one modular sum asked two ways, directly ({@code s3+5=}) and routed through
 * variables ({@code sa=3,b=5;a+b=}): what a probe of component reuse (SPEC section 8) feeds a
 * model to ask whether the same circuit serves both. Offered by {@link Task#sumPrompts()}; the
 * prediction after each prompt's last token is the sum's answer.
 */
public interface SumPrompts {

    /** n: the sums are of elements {@code 0..n-1}, mod n. */
    int modulus();

    /** The token id of element {@code value}, the answer a model writes for a sum of that value. */
    int elementId(int value);

    /** The direct prompt of {@code x + y}, no bindings ({@code sx+y=}). */
    int[] direct(int x, int y);

    /**
     * A prompt that binds two variables to {@code x} and {@code y} and asks their sum
     * ({@code sa=x,b=y;a+b=}). Every routed prompt has the same length, so that they batch.
     */
    int[] routed(int x, int y);
}
