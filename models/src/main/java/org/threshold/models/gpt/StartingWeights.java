package org.threshold.models.gpt;

import java.nio.file.Path;
import org.threshold.api.config.Mark;

/**
 * {@code model.weights}: a safetensors file a run starts from instead of its initialization (SPEC
 * 5b), and where the config names it, for problems with its tensors.
 *
 * @param file the file, absolute
 * @param mark the key's position in the config
 * @param path the key's path, e.g. {@code model.weights}
 */
public record StartingWeights(Path file, Mark mark, String path) {

    /** A file given in code, e.g. by a test: problems point at the file itself. */
    public static StartingWeights of(Path file) {
        return new StartingWeights(file.toAbsolutePath(), Mark.unknown(file.toString()), "model.weights");
    }
}
