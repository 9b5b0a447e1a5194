package org.threshold.trainer.checkpoint;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A complete checkpoint on disk: {@code checkpoints/step-<step>/} with {@code state.json} and one
 * file per binary part ({@code model.params}, {@code optimizer.params}).
 *
 * @param directory the checkpoint's directory
 * @param state the loop's state
 */
public record SavedCheckpoint(Path directory, TrainingState state) {

    public long step() {
        return state.step();
    }

    /** Reads a binary part written by {@link Checkpoints#save}; the caller closes the stream. */
    public DataInputStream open(String part) throws IOException {
        Path file = directory.resolve(part);
        if (!Files.exists(file)) {
            throw new IOException("the checkpoint " + directory + " has no part " + part);
        }
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(file)));
    }
}
