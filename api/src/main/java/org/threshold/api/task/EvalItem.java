package org.threshold.api.task;

/**
 * One test prompt. The model continues {@code prompt} greedily, token by token, until the task's
 * stop token or {@code maxNewTokens}; the scorer compares what it wrote with {@code expected}.
 *
 * <p>The arrays are owned by the item and must not be changed by anyone.
 *
 * @param prompt token ids given to the model
 * @param expected the correct continuation (including the stop token, if the task has one)
 * @param maxNewTokens how many tokens generation may add at most
 */
public record EvalItem(int[] prompt, int[] expected, int maxNewTokens) {

    public EvalItem {
        if (prompt.length == 0) {
            throw new IllegalArgumentException("a prompt needs at least one token");
        }
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("maxNewTokens must be >= 1, got " + maxNewTokens);
        }
    }
}
