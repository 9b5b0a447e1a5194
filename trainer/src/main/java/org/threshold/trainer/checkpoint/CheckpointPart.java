package org.threshold.trainer.checkpoint;

import java.io.DataOutputStream;
import java.io.IOException;

/** Writes one binary part of a checkpoint, e.g. the model's parameters or the optimizer's moments. */
@FunctionalInterface
public interface CheckpointPart {

    void write(DataOutputStream out) throws IOException;
}
