package org.threshold.trainer.evaluation;

import java.util.List;
import org.threshold.api.task.EvalItem;

/**
 * Greedy decoding of test prompts (SPEC section 1): the model continues each prompt with its most
 * likely token, one at a time, until the task's stop token or the item's {@code maxNewTokens}.
 */
@FunctionalInterface
public interface Decoder {

    /**
     * @return for each prompt, in order, the tokens generated after it (including the stop token
     *     when one was generated)
     */
    List<int[]> complete(List<EvalItem> prompts);
}
