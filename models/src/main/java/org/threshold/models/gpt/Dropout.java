package org.threshold.models.gpt;

import ai.djl.ndarray.NDArray;

/**
 * Dropout where nanoGPT puts it; a no-op (no array, no native call) at rate 0, the default.
 * The mask comes from the engine's random generator, which the trainer seeds.
 */
final class Dropout {

    private Dropout() {
    }

    static NDArray apply(NDArray x, float rate, boolean training) {
        if (!training || rate == 0f) {
            return x;
        }
        return x.getNDArrayInternal().dropout(x, rate, true).singletonOrThrow();
    }
}
