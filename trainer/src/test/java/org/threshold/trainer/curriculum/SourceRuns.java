package org.threshold.trainer.curriculum;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.threshold.trainer.checkpoint.Checkpoints;
import org.threshold.trainer.checkpoint.TrainingState;
import org.threshold.trainer.sampling.SamplerState;
import org.threshold.trainer.stopping.StoppingState;

/** Run directories with checkpoints, as a warm start finds them (their parameters are not read here). */
final class SourceRuns {

    private SourceRuns() {
    }

    /** A run directory {@code run} with checkpoints at {@code steps}. */
    static Path withCheckpoints(Path run, long... steps) throws IOException {
        Checkpoints checkpoints = new Checkpoints(run.resolve("checkpoints"), Integer.MAX_VALUE);
        for (long step : steps) {
            TrainingState state = new TrainingState(step, new SamplerState(Map.of("MAX", step)), Map.of(), 0, 0,
                    new StoppingState(Double.NaN, 0), Optional.empty(), 1.0);
            checkpoints.save(state, Map.of(Checkpoints.MODEL_PART, out -> out.writeLong(step)));
        }
        return run;
    }
}
