package org.threshold.analysis.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.threshold.analysis.embedding.EmbeddingPca;
import org.threshold.analysis.embedding.SimilarityMatrix;
import org.threshold.api.model.Hooks;
import org.threshold.api.model.Model;
import org.threshold.api.probe.TrainedRun;

/** What the probes read from a trained model: element embeddings and activations. */
final class ModelReading {

    private ModelReading() {
    }

    /** The rows of the token embedding for {@code elements}, in that order. */
    static double[][] elementEmbeddings(Model model, int[] elements, TrainedRun run) {
        NDArray embedding = model.tokenEmbeddings().orElseThrow(() -> new IllegalArgumentException("run " + run.id()
                + ": its model (" + model.summary() + ") offers no token embedding to probe"));
        try (embedding) {
            long[] shape = embedding.getShape().getShape();
            int vocabulary = Math.toIntExact(shape[0]);
            int d = Math.toIntExact(shape[1]);
            float[] values;
            try (NDArray floats = embedding.toType(DataType.FLOAT32, false)) {
                values = floats.toFloatArray();
            }
            double[][] rows = new double[elements.length][d];
            for (int k = 0; k < elements.length; k++) {
                if (elements[k] >= vocabulary) {
                    throw new IllegalArgumentException("run " + run.id() + ": element token id " + elements[k]
                            + " is outside the embedding's " + vocabulary + " rows");
                }
                for (int j = 0; j < d; j++) {
                    rows[k][j] = values[elements[k] * d + j];
                }
            }
            return rows;
        }
    }

    /** The cosine-similarity matrix of the element embeddings of the run's final model (or a checkpoint's). */
    static SimilarityMatrix similarity(TrainedRun run, int[] elements, OptionalLong step) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Model model = step.isPresent() ? run.modelAt(manager, step.getAsLong()) : run.model(manager);
            return SimilarityMatrix.cosine(elementEmbeddings(model, elements, run));
        }
    }

    /**
     * The principal components of the runs' similarity matrices averaged (SPEC section 7: a group's
     * embedding PCA), of their final models or of their checkpoints at {@code step}.
     */
    static EmbeddingPca averagedPca(List<TrainedRun> runs, int[] elements, OptionalLong step) {
        List<SimilarityMatrix> matrices = new ArrayList<>();
        for (TrainedRun run : runs) {
            matrices.add(similarity(run, elements, step));
        }
        return EmbeddingPca.of(SimilarityMatrix.average(matrices));
    }

    /** The model's named activations; a model without them cannot be probed this way, and the error says so. */
    static Hooks hooks(Model model, TrainedRun run) {
        return model.hooks().orElseThrow(() -> new IllegalArgumentException("run " + run.id() + ": its model ("
                + model.summary() + ") offers no named activations (hooks) to probe"));
    }
}
