package org.threshold.models.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;

/**
 * Rotary position embeddings ({@code positions: rotary}, RoFormer) in GPT-NeoX's "rotate half"
 * layout: a head of size 2m (+1) splits its first 2m dimensions into halves x1, x2 and becomes
 * (x1, x2)·cos + (−x2, x1)·sin, with the angle of dimension j (and j + m) at position t being
 * t · 10000^(−2j/(2m)); an odd head's last dimension is left as it is. Applied to queries and keys
 * before attention (and before the key cache), so scores depend on relative positions only.
 *
 * @param cos the cosines for this pass's positions, broadcastable against (…, time, 2m)
 * @param sin the sines, likewise
 */
record Rotation(NDArray cos, NDArray sin, int headDim) {

    /** The angle base of RoFormer and GPT-NeoX. */
    static final double BASE = 10_000;

    /** (context, 2m) tables of cosines and sines, constants of the model. */
    static NDArray[] tables(NDManager manager, int context, int headDim) {
        int m = headDim / 2;
        float[] cos = new float[context * 2 * m];
        float[] sin = new float[context * 2 * m];
        for (int t = 0; t < context; t++) {
            for (int j = 0; j < 2 * m; j++) {
                double angle = t * Math.pow(BASE, -2.0 * (j % m) / (2.0 * m));
                cos[t * 2 * m + j] = (float) Math.cos(angle);
                sin[t * 2 * m + j] = (float) Math.sin(angle);
            }
        }
        NDArray[] tables = {manager.create(cos, new Shape(context, 2L * m)), manager.create(sin, new Shape(context, 2L * m))};
        NDScope.unregister(tables);
        return tables;
    }

    /** This rotation with a head axis before time, for (batch, heads, time, head size) arrays. */
    Rotation withHeadAxis() {
        return cos.getShape().dimension() == 3 ? new Rotation(cos.expandDims(1), sin.expandDims(1), headDim) : this;
    }

    /** Rotates the last axis of {@code x} (a head's dimensions). */
    NDArray apply(NDArray x) {
        int axis = x.getShape().dimension() - 1;
        int m = headDim / 2;
        boolean odd = headDim % 2 == 1;
        NDList parts = odd ? x.split(new long[] {m, 2L * m}, axis) : x.split(new long[] {m}, axis);
        NDArray x1 = parts.get(0);
        NDArray x2 = parts.get(1);
        NDArray pairs = odd ? NDArrays.concat(new NDList(x1, x2), axis) : x;
        NDArray rotated = NDArrays.concat(new NDList(x2.neg(), x1), axis);
        NDArray out = pairs.mul(cos).add(rotated.mul(sin));
        return odd ? NDArrays.concat(new NDList(out, parts.get(2)), axis) : out;
    }
}
