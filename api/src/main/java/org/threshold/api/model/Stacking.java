package org.threshold.api.model;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Optional;

/**
 * SPEC section 10: K models of one shape trained as one model with a leading dimension K, one
 * batched forward (and so one backward) pass for all K. A capability a model offers through
 * {@link Model#stacking()}; the trainer drives it without knowing the model.
 *
 * <p>Each member keeps its own parameters ({@link Model#block()}): the pass stacks them into
 * arrays of shape (K, …) inside the autograd graph, so a backward pass gives every member the
 * gradient of its own loss, and each member's optimizer, checkpoint and evaluation stay its own.
 */
public interface Stacking {

    /**
     * Why {@code other} cannot share a stack with the model this capability came from (another
     * shape, an option that does not stack); empty when it can. A model always stacks with itself
     * unless an option of it does not stack at all.
     */
    Optional<String> incompatibility(Model other);

    /**
     * The logits of every member at once.
     *
     * @param members K initialized models, each compatible with the one this came from
     * @param tokens int64 token ids (K, batch, time): member k reads row k
     * @param training whether this is a training pass
     * @return logits (K, batch, time, vocabulary)
     */
    NDArray forward(List<Model> members, NDArray tokens, boolean training);
}
