package org.threshold.app.testplugins;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.SplittableRandom;
import org.threshold.api.model.Model;
import org.threshold.api.model.ModelShape;

/** Logits(t) = table[token(t)]: one (vocabulary x vocabulary) parameter, initialized from the seed in Java. */
final class BigramModel implements Model {

    private final double scale;
    private final ModelShape shape;
    private final Table block;

    BigramModel(double scale, ModelShape shape) {
        this.scale = scale;
        this.shape = shape;
        this.block = new Table(shape.vocabularySize());
    }

    @Override
    public Block block() {
        return block;
    }

    @Override
    public void initialize(NDManager manager, long seed) {
        int v = shape.vocabularySize();
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[v * v];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * scale);
        }
        block.table.setArray(manager.create(values, new Shape(v, v)));
    }

    @Override
    public long parameterCount() {
        return (long) shape.vocabularySize() * shape.vocabularySize();
    }

    @Override
    public String summary() {
        return "bigram over " + shape.vocabularySize() + " tokens: " + String.format("%,d", parameterCount()) + " parameters";
    }

    /** The block: one-hot tokens times the table. */
    private static final class Table extends AbstractBlock {

        private final int vocabulary;
        private final Parameter table;

        Table(int vocabulary) {
            super((byte) 1);
            this.vocabulary = vocabulary;
            this.table = addParameter(Parameter.builder().setName("table").setType(Parameter.Type.WEIGHT).build());
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
            NDArray tokens = inputs.singletonOrThrow();
            NDArray weights = store.getValue(table, tokens.getDevice(), training);
            return new NDList(tokens.toType(DataType.INT64, false).oneHot(vocabulary).matMul(weights));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[0].get(1), vocabulary)};
        }
    }
}
