package org.threshold.trainer.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.threshold.api.model.ModelShape;
import org.threshold.models.gpt.Gpt;
import org.threshold.models.gpt.GptConfig;

/**
 * The same model as the reference: peer_gpt.py's initial weights and first batch, trained by our
 * step, give the losses PyTorch printed.
 */
class ReferenceLossTest {

    static {
        TestThreads.useOne();
    }

    /**
     * Printed by the PyTorch reference, not computed by this project:
     * {@code python3 peer_gpt.py --d 32 --layers 2 --nbatches 1 --save peer-gpt-d32-l2.bin --show-losses 5}
     * (torch 1.13, OpenBLAS), which also wrote the weights and batch this test loads: Adam lr 1e-3,
     * β = (0.9, 0.999), ε = 1e-8, no warm-up, no clipping, mean cross-entropy over all positions,
     * the same batch every step.
     */
    private static final double[] PYTORCH_LOSSES = {3.182874, 3.169297, 3.159403, 3.151181, 3.143991};

    private static final int D = 32;
    private static final int LAYERS = 2;
    private static final int VOCABULARY = 24;
    private static final int CONTEXT = 64;
    private static final int BATCH = 64;

    @Test
    void firstFiveLossesMatchThePyTorchReference() throws IOException {
        Gpt model = new Gpt(GptConfig.standard(D, LAYERS), new ModelShape(VOCABULARY, CONTEXT));
        ByteBuffer file = read("peer-gpt-d32-l2.bin");
        float[] weights = new float[(int) model.parameterCount()];
        file.asFloatBuffer().get(weights);
        file.position(weights.length * Float.BYTES);
        long[] inputs = new long[BATCH * CONTEXT];
        long[] targets = new long[BATCH * CONTEXT];
        file.asLongBuffer().get(inputs);
        file.position(file.position() + inputs.length * Long.BYTES);
        file.asLongBuffer().get(targets);
        assertThat(file.position() + targets.length * Long.BYTES).as("file size").isEqualTo(file.capacity());

        try (NDManager manager = NDManager.newBaseManager()) {
            model.initialize(manager, weights);
            TokenBatch batch = TokenBatch.unmasked(BATCH, CONTEXT, inputs, targets);
            try (TrainingStep step = new TrainingStep(model, new Adam(0.9, 0.999, 1e-8, 0, manager),
                    new LearningRateSchedule(1e-3, 1e-3, 0, PYTORCH_LOSSES.length, false), new GradientClipping(0), manager)) {
                for (double expected : PYTORCH_LOSSES) {
                    StepResult result = step.run(batch);
                    assertThat((double) result.loss()).as("loss of step %d", result.step()).isCloseTo(expected, within(1e-4));
                }
            }
        }
    }

    private static ByteBuffer read(String name) throws IOException {
        try (InputStream in = ReferenceLossTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
        }
    }
}
