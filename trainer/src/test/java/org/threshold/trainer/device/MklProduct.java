package org.threshold.trainer.device;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * A child process for {@link MklDispatchTest}: one 384 × 256 × 320 float32 product through
 * libtorch's MKL, on seeded inputs, printed as the hash of its bits.
 */
public final class MklProduct {

    private MklProduct() {
    }

    public static void main(String[] args) {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed(7);
            NDArray a = manager.randomNormal(new Shape(384, 256));
            NDArray b = manager.randomNormal(new Shape(256, 320));
            System.out.println("product=" + Arrays.hashCode(a.matMul(b).toFloatArray()));
        }
    }
}
