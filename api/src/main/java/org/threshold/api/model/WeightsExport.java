package org.threshold.api.model;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model's weights written as a safetensors file (SPEC 5b), the format PyTorch and numpy users
 * exchange, under names other tools know (the gpt: nanoGPT's state_dict names).
 */
@FunctionalInterface
public interface WeightsExport {

    /**
     * Writes the model's current parameters to {@code file} (replacing it atomically).
     *
     * @return how many tensors were written
     */
    int writeSafetensors(Path file) throws IOException;
}
