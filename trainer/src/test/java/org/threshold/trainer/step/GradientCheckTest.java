package org.threshold.trainer.step;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.threshold.api.model.ModelShape;
import org.threshold.api.task.Example;
import org.threshold.models.gpt.Gpt;
import org.threshold.models.gpt.GptConfig;
import org.threshold.models.gpt.ParameterTensor;
import org.threshold.models.gpt.Variant;

/**
 * One training step's gradients against central finite differences of its loss, in double
 * precision, so a wrong gradient cannot hide behind a model that still learns a little.
 */
class GradientCheckTest {

    static {
        TestThreads.useOne();
    }

    private static final ModelShape SHAPE = new ModelShape(7, 8);
    private static final double STEP = 1e-5;

    @ParameterizedTest
    @EnumSource(Variant.class)
    void gradientsOfEveryKindOfParameterMatchFiniteDifferences(Variant variant) {
        // two heads, padded rows of different lengths and completion-only loss: every masking path
        Gpt model = new Gpt(new GptConfig(variant, 8, 2, 2, 0), SHAPE);
        TokenBatch batch = TokenBatch.of(List.of(
                new Example(new int[] {1, 2, 3, 4, 5, 6, 0}, 3),
                new Example(new int[] {6, 5, 4}, 1),
                new Example(new int[] {2, 2, 1, 3, 6}, 2)), 0, true);
        Random random = new Random(5);
        double[] weights = new double[(int) model.parameterCount()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = random.nextGaussian() * 0.3;
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            model.initialize(manager, weights);
            try (TrainingStep step = new TrainingStep(model, new Adam(0.9, 0.99, 1e-8, 0, manager),
                    new LearningRateSchedule(1e-3, 1e-4, 0, 10, true), new GradientClipping(1), manager)) {
                double[] analytic = step.lossAndGradients(batch).gradients().get(0);
                assertThat(analytic).hasSize(weights.length);
                int checked = 0;
                for (ParameterTensor tensor : model.layout().tensors()) {
                    // a few coordinates of every tensor, spread over it
                    for (int k = 0; k < 4; k++) {
                        int i = (int) (tensor.offset() + (k * 7919L + 13) % tensor.size());
                        double keep = weights[i];
                        weights[i] = keep + STEP;
                        model.initialize(manager, weights);
                        double plus = step.lossAndGradients(batch).loss();
                        weights[i] = keep - STEP;
                        model.initialize(manager, weights);
                        double minus = step.lossAndGradients(batch).loss();
                        weights[i] = keep;
                        model.initialize(manager, weights);
                        double numeric = (plus - minus) / (2 * STEP);
                        assertThat(analytic[i]).as("d loss / d %s[%d]", tensor.name(), i - tensor.offset())
                                .isCloseTo(numeric, org.assertj.core.api.Assertions.within(1e-7 + 1e-5 * Math.abs(numeric)));
                        checked++;
                    }
                }
                assertThat(checked).isEqualTo(4 * model.layout().tensors().size());
                // the checked gradient is not trivially zero
                assertThat(java.util.Arrays.stream(analytic).map(Math::abs).max().orElseThrow()).isGreaterThan(1e-3);
            }
        }
    }
}
