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

    /**
     * Unique trainable parameters, SPEC section 9's count (the AdderBoard's): a matrix used in two
     * places (tied embeddings) counts once, fixed encodings (sinusoidal, rotary) count zero.
     * result.json's {@code unique_parameters}; {@code sweep.analysis.parameters: unique} fits on
     * it. The default is {@link #parameterCount()}, right for a model that holds each trainable
     * tensor once and counts only those.
     */
    default long uniqueParameterCount() {
        return parameterCount();
    }

    /** One line, e.g. "gpt standard d=32 layers=2 heads=1: 28,864 parameters". */
    String summary();

    /**
     * An estimate of the floats one training step keeps for its backward pass, for {@code rows}
     * sequences of {@code time} tokens: the activations from the embeddings up to (not including)
     * the logits, which the trainer counts itself. Used before a run starts, with the parameters'
     * own memory, to refuse a run that cannot fit the machine; the default, 0, leaves the
     * activations out of that estimate.
     */
    default long activationFloats(int rows, int time) {
        return 0;
    }

    /** The token embedding matrix (vocabulary, d), for embedding probes; empty if the model has none. */
    default Optional<NDArray> tokenEmbeddings() {
        return Optional.empty();
    }

    /**
     * Export of the current weights as safetensors ({@code threshold export}); empty if the model
     * does not name its tensors. Available after {@link #initialize}.
     */
    default Optional<WeightsExport> weightsExport() {
        return Optional.empty();
    }

    /**
     * Training several models of this one's shape as one (SPEC section 10); empty, the default,
     * when the model does not offer it: its runs then train one per process as always.
     */
    default Optional<Stacking> stacking() {
        return Optional.empty();
    }

    /**
     * The model's activations by name, to capture or replace (probes, activation patching); empty
     * if the model does not offer them. Available after {@link #initialize}.
     */
    default Optional<Hooks> hooks() {
        return Optional.empty();
    }

    /**
     * Greedy decoding for evaluation, which decodes thousands of prompts every few hundred steps.
     * The default recomputes every position through {@link #block()} for every new token
     * ({@link RecomputingGreedyDecoder}), so any model decodes; a model may return something
     * faster, e.g. a cache of keys and values. Available after {@link #initialize}.
     *
     * @param manager where the token arrays are made (the model's device)
     * @param contextLength the most tokens a prediction reads: a longer row is cropped to its
     *     latest {@code contextLength} tokens (as nanoGPT does)
     */
    default GreedyDecoder greedyDecoder(NDManager manager, int contextLength) {
        return RecomputingGreedyDecoder.of(block(), manager, contextLength);
    }
}
