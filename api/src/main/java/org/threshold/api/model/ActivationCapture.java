package org.threshold.api.model;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * Runs a model forward and keeps every block's activations, through the same code that training
 * runs (no second implementation of the model).
 */
public interface ActivationCapture {

    /**
     * @param tokens token ids, (batch, time)
     * @return one entry per layer application, in order
     */
    List<LayerActivations> capture(NDArray tokens);
}
