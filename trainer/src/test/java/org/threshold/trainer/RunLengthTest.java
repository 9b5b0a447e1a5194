package org.threshold.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.threshold.trainer.fixtures.SequenceTask;
import org.threshold.trainer.fixtures.TrainingConfigs;

class RunLengthTest {

    private final SequenceTask task = new SequenceTask(1, 4, 50, 10, 1.0); // 2 components of 50

    @Test
    void stepsAreTakenAsGiven() {
        assertThat(RunLength.steps(TrainingConfigs.steps(1234), task.components())).isEqualTo(1234);
    }

    @Test
    void epochsCoverEveryComponentsExamplesRoundedUpToAWholeBatch() {
        TrainingConfig twoEpochs = TrainingConfigs.withEpochs(TrainingConfigs.steps(1), OptionalDouble.of(2), 16);
        // 2 epochs x 100 examples / 16 per batch = 12.5 -> 13 steps
        assertThat(RunLength.steps(twoEpochs, task.components())).isEqualTo(13);
    }
}
