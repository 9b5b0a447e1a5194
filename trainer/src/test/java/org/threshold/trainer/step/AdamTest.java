package org.threshold.trainer.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdamTest {

    static {
        TestThreads.useOne();
    }

    /** PyTorch's Adam/AdamW step for one coordinate, in double precision. */
    private static final class Reference {
        double w;
        double m;
        double v;
        int t;

        Reference(double w) {
            this.w = w;
        }

        void step(double g, double lr, double b1, double b2, double eps, double decay) {
            t++;
            w *= 1 - lr * decay;
            m = b1 * m + (1 - b1) * g;
            v = b2 * v + (1 - b2) * g * g;
            double c1 = 1 - Math.pow(b1, t);
            double c2 = 1 - Math.pow(b2, t);
            w -= lr / c1 * m / (Math.sqrt(v) / Math.sqrt(c2) + eps);
        }
    }

    private static void assertFollowsPyTorch(double decay) {
        double[] w0 = {0.5, -1.0, 2.0, 1e-3};
        double[][] g = {{0.1, -0.2, 0.3, 1e-9}, {-0.4, 0.05, 0.3, 2.0}, {1.0, 1.0, -1.0, 0.0}};
        double[] scale = {1.0, 0.25, 0.5};
        double[] lr = {1e-2, 5e-3, 1e-1};
        double b1 = 0.9;
        double b2 = 0.99;
        double eps = 1e-8;
        try (NDManager manager = NDManager.newBaseManager();
             Adam adam = new Adam(b1, b2, eps, decay, manager)) {
            NDArray w = manager.create(toFloat(w0));
            Reference[] ref = new Reference[w0.length];
            for (int i = 0; i < w0.length; i++) {
                ref[i] = new Reference(w0[i]);
            }
            for (int s = 0; s < g.length; s++) {
                try (NDArray grad = manager.create(toFloat(g[s]))) {
                    adam.update(List.of(w), List.of(grad), lr[s], scale[s]);
                }
                for (int i = 0; i < w0.length; i++) {
                    ref[i].step(g[s][i] * scale[s], lr[s], b1, b2, eps, decay);
                }
                float[] actual = w.toFloatArray();
                float[] m = adam.firstMoments().get(0).toFloatArray();
                for (int i = 0; i < w0.length; i++) {
                    assertThat((double) actual[i]).as("w[%d] after step %d", i, s + 1).isCloseTo(ref[i].w, within(1e-6));
                    assertThat((double) m[i]).as("m[%d] after step %d", i, s + 1).isCloseTo(ref[i].m, within(1e-6));
                }
            }
            assertThat(adam.steps()).isEqualTo(3);
        }
    }

    private static float[] toFloat(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }

    @Test
    void updatesFollowPyTorchAdamWithScaledGradients() {
        assertFollowsPyTorch(0);
    }

    @Test
    void weightDecayIsDecoupledAsInAdamW() {
        assertFollowsPyTorch(0.1);
    }

    @Test
    void savedStateRestoresMomentsAndStepCountExactly() throws IOException {
        try (NDManager manager = NDManager.newBaseManager();
             Adam adam = new Adam(0.9, 0.99, 1e-8, 0, manager);
             Adam restored = new Adam(0.9, 0.99, 1e-8, 0, manager)) {
            NDArray w = manager.create(new float[] {1, 2, 3});
            adam.update(List.of(w), List.of(manager.create(new float[] {0.3f, -0.1f, 0.7f})), 1e-3, 1);
            adam.update(List.of(w), List.of(manager.create(new float[] {-0.2f, 0.4f, 0.1f})), 1e-3, 1);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            adam.save(new DataOutputStream(bytes));
            restored.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            assertThat(restored.steps()).isEqualTo(2);
            assertThat(restored.firstMoments().get(0).toFloatArray()).containsExactly(adam.firstMoments().get(0).toFloatArray());
            assertThat(restored.secondMoments().get(0).toFloatArray()).containsExactly(adam.secondMoments().get(0).toFloatArray());
        }
    }

    @Test
    void stateOfAnotherFormatIsRefused() {
        try (NDManager manager = NDManager.newBaseManager(); Adam adam = new Adam(0.9, 0.99, 1e-8, 0, manager)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF("something-else");
                out.writeInt(1);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            assertThatThrownBy(() -> adam.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))))
                    .hasMessageContaining("not a Threshold Adam state");
        }
    }
}
