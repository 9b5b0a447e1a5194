package org.threshold.api.task;

/**
 * One training sequence. The model reads {@code tokens[0..n-2]} and is trained to predict
 * {@code tokens[1..n-1]}; a sequence is at most {@link Task#contextLength()} tokens long.
 *
 * <p>The array is owned by the example and must not be changed by anyone.
 *
 * @param tokens token ids
 * @param completionStart index of the first token that is an answer rather than a given (the
 *     first token after the prompt); with completion-only loss, only targets at positions
 *     {@code >= completionStart} count. 0 when every token is a target (text streams).
 */
public record Example(int[] tokens, int completionStart) {

    public Example {
        if (tokens.length < 2) {
            throw new IllegalArgumentException("an example needs at least 2 tokens, got " + tokens.length);
        }
        if (completionStart < 0 || completionStart >= tokens.length) {
            throw new IllegalArgumentException("completionStart " + completionStart + " is outside 0.." + (tokens.length - 1));
        }
    }

    public int length() {
        return tokens.length;
    }
}
