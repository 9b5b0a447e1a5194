package org.threshold.api.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.util.Optional;

/**
 * A tiny language model as a DJL {@link Block}: token ids (batch, time) in, logits
 * (batch, time, vocabulary) out. Engine-agnostic: the trainer brings the engine.
 */
public interface Model {

    /** The block the trainer runs: {@code NDList(tokens)} to {@code NDList(logits)}. */
    Block block();

    /**
     * Creates and initializes the parameters on {@code manager}'s device, deterministically in
     * {@code seed} (the run's {@code init_seed}): the same seed gives the same weights on any
     * machine.
     */
    void initialize(NDManager manager, long seed);

    /** All trainable parameters, position embeddings included (SPEC section 5). */
    long parameterCount();

    /** One line, e.g. "gpt standard d=32 layers=2 heads=1: 28,864 parameters". */
    String summary();

    /** The token embedding matrix (vocabulary, d), for embedding probes; empty if the model has none. */
    default Optional<NDArray> tokenEmbeddings() {
        return Optional.empty();
    }

    /** Activation capture for probes; empty if the model does not offer it. */
    default Optional<ActivationCapture> activations() {
        return Optional.empty();
    }

    /**
     * A greedy decoder faster than recomputing every position per new token (evaluation decodes
     * thousands of prompts every few hundred steps); empty if the model has none, and the caller
     * decodes through {@link #block()}. Available after {@link #initialize}.
     */
    default Optional<GreedyDecoder> greedyDecoder() {
        return Optional.empty();
    }
}
