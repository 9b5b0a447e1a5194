package org.threshold.models.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;

/**
 * How a pass lays out its models: one model (activations (rows, width), weights as
 * {@link ParameterLayout} shapes them), or a stack of K models (SPEC section 10: activations
 * (K, rows, width), every weight with a leading K). The forward pass is written once against
 * these few operations, so that a stack computes what each of its members computes alone, with
 * every option of the model, and one model computes exactly what it always has.
 *
 * @param models K, or 0 for one model without a stack axis
 */
record Lanes(int models) {

    static final Lanes SINGLE = new Lanes(0);

    boolean stacked() {
        return models > 0;
    }

    /** x·wᵀ + b, with w (out, in) as nanoGPT stores it; per model for a stack. */
    NDArray linear(NDArray x, NDArray w, NDArray b) {
        if (!stacked()) {
            return x.getNDArrayInternal().linear(x, w, b).singletonOrThrow();
        }
        NDArray y = x.matMul(w.transpose(0, 2, 1));
        return b == null ? y : y.add(b.expandDims(1));
    }

    /** A per-model vector (gain, bias) broadcast over the rows: as is, or (K, 1, n) for a stack. */
    NDArray perRow(NDArray v) {
        return stacked() ? v.expandDims(1) : v;
    }

    /** The rows of token ids (…, batch, time) looked up in the token embedding table(s). */
    NDArray embed(NDArray ids, NDArray table) {
        if (!stacked()) {
            return ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
        }
        // member k's ids index rows k·V … k·V + V − 1 of the K tables laid end to end
        long vocabulary = table.getShape().get(1);
        NDArray offsets = ids.getManager().arange(0f, (float) (models * vocabulary), (float) vocabulary)
                .toType(DataType.INT64, false).reshape(models, 1, 1);
        NDArray all = table.reshape(models * vocabulary, table.getShape().get(2));
        return ids.getNDArrayInternal().embedding(ids.add(offsets), all, SparseFormat.DENSE).singletonOrThrow();
    }

    /** Sequences the attention runs side by side: the batch, or K times it. */
    int sequences(int batch) {
        return stacked() ? models * batch : batch;
    }

    /** Activations as rows of {@code width}: (rows, width), or (K, rows, width) for a stack. */
    NDArray rows(NDArray x, long rows, long width) {
        return stacked() ? x.reshape(models, rows, width) : x.reshape(rows, width);
    }

    /** How many rows one model's activations have. */
    long rowCount(NDArray x) {
        return x.getShape().get(stacked() ? 1 : 0);
    }

    /** Logits (batch, time, vocabulary), or (K, batch, time, vocabulary) for a stack. */
    NDArray logits(NDArray x, int batch, int time, int vocabulary) {
        return stacked() ? x.reshape(new Shape(models, batch, time, vocabulary)) : x.reshape(batch, time, vocabulary);
    }
}
