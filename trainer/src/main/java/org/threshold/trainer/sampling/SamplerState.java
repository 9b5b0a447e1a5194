package org.threshold.trainer.sampling;

import java.util.Map;

/**
 * Everything the batch sampler needs to continue exactly where it was: how many examples it has
 * drawn from each component (the epoch and the position in its shuffled order follow from it).
 *
 * @param drawn examples drawn so far, by component name
 */
public record SamplerState(Map<String, Long> drawn) {

    public SamplerState {
        drawn = Map.copyOf(drawn);
    }
}
