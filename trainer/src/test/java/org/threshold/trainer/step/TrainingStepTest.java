package org.threshold.trainer.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.threshold.api.model.ModelShape;
import org.threshold.api.task.Example;
import org.threshold.models.gpt.Gpt;
import org.threshold.models.gpt.GptConfig;

class TrainingStepTest {

    static {
        TestThreads.useOne();
    }

    private static final ModelShape SHAPE = new ModelShape(12, 16);
    private static final int PAD = 11;

    private static List<Example> examples(int count, long seed) {
        Random random = new Random(seed);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int[] tokens = new int[4 + random.nextInt(12)];
            for (int t = 0; t < tokens.length; t++) {
                tokens[t] = random.nextInt(PAD);
            }
            out.add(new Example(tokens, 1 + random.nextInt(tokens.length - 1)));
        }
        return out;
    }

    private static TrainingStep step(Gpt model, NDManager manager) {
        return new TrainingStep(model, new Adam(0.9, 0.99, 1e-8, 0.01, manager),
                new LearningRateSchedule(1e-2, 1e-3, 3, 50, true), new GradientClipping(1.0), manager);
    }

    @Test
    void lossIsTheMeanCrossEntropyOfTheTargetsThatCount() {
        Gpt model = new Gpt(GptConfig.standard(8, 1), SHAPE);
        TokenBatch batch = TokenBatch.of(examples(5, 1), PAD, true);
        try (NDManager manager = NDManager.newBaseManager(); TrainingStep step = step(model, manager)) {
            model.initialize(manager, 3);
            NDArray logits = model.block().forward(new ParameterStore(manager, false),
                    new NDList(manager.create(batch.inputs(), new Shape(batch.size(), batch.length()))), false).singletonOrThrow();
            float[] z = logits.toFloatArray();
            int v = SHAPE.vocabularySize();
            double sum = 0;
            for (int i = 0; i < batch.size() * batch.length(); i++) {
                if (batch.lossMask()[i] == 0) {
                    continue;
                }
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < v; k++) {
                    max = Math.max(max, z[i * v + k]);
                }
                double norm = 0;
                for (int k = 0; k < v; k++) {
                    norm += Math.exp(z[i * v + k] - max);
                }
                sum += -(z[i * v + (int) batch.targets()[i]] - max - Math.log(norm));
            }
            assertThat(step.run(batch).loss()).isCloseTo((float) (sum / batch.counted()), within(1e-5f));
        }
    }

    @Test
    void aLongRunKeepsNoArraysFromItsSteps() {
        Gpt model = new Gpt(GptConfig.recurrent(8, 2), SHAPE);
        try (NDManager manager = NDManager.newBaseManager(); TrainingStep step = step(model, manager)) {
            model.initialize(manager, 1);
            List<Example> data = examples(64, 2);
            step.run(TokenBatch.of(data.subList(0, 8), PAD, false)); // Adam's moments and the model's masks appear once
            int arrays = manager.getManagedArrays().size();
            for (int i = 0; i < 200; i++) {
                int from = (i * 8) % 56;
                step.run(TokenBatch.of(data.subList(from, from + 8), PAD, i % 2 == 0));
            }
            assertThat(manager.getManagedArrays().size()).isLessThanOrEqualTo(arrays + SHAPE.contextLength());
            assertThat(step.completedSteps()).isEqualTo(201);
        }
    }

    @Test
    void aNonFiniteLossLeavesTheWeightsAloneAndSaysSo() {
        Gpt model = new Gpt(GptConfig.standard(8, 1), SHAPE);
        try (NDManager manager = NDManager.newBaseManager(); TrainingStep step = step(model, manager)) {
            float[] weights = model.layout().initialValues(1);
            weights[(int) model.layout().tensor("transformer.ln_f.bias").offset()] = Float.POSITIVE_INFINITY;
            model.initialize(manager, weights);
            StepResult result = step.run(TokenBatch.of(examples(4, 1), PAD, false));
            assertThat(result.updated()).isFalse();
            assertThat(Float.isFinite(result.loss())).isFalse();
            assertThat(model.block().weights().toFloatArray()).containsExactly(weights);
            assertThat(step.completedSteps()).isZero();
        }
    }

    @Test
    void resumingFromSavedWeightsAndOptimizerContinuesExactly() throws Exception {
        List<Example> data = examples(40, 3);
        Gpt original = new Gpt(GptConfig.standard(8, 2), SHAPE);
        Gpt resumed = new Gpt(GptConfig.standard(8, 2), SHAPE);
        try (NDManager manager = NDManager.newBaseManager(); TrainingStep first = step(original, manager);
             TrainingStep second = step(resumed, manager)) {
            original.initialize(manager, 5);
            for (int i = 0; i < 3; i++) {
                first.run(TokenBatch.of(data.subList(i * 8, i * 8 + 8), PAD, false));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            original.block().saveParameters(out);
            first.optimizer().save(out);
            out.flush();

            resumed.initialize(manager, 99);
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
            resumed.block().loadParameters(manager, in);
            second.optimizer().load(in);
            assertThat(second.completedSteps()).isEqualTo(3);
            for (int i = 3; i < 5; i++) {
                TokenBatch batch = TokenBatch.of(data.subList(i * 8, i * 8 + 8), PAD, false);
                StepResult a = first.run(batch);
                StepResult b = second.run(batch);
                assertThat(b).isEqualTo(a);
            }
            assertThat(resumed.block().weights().toFloatArray()).containsExactly(original.block().weights().toFloatArray());
        }
    }
}
