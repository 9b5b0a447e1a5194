package org.threshold.models.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.threshold.api.model.HookPoint;
import org.threshold.api.model.ModelShape;

/**
 * The nanoGPT-style causal decoder of SPEC section 5 as one DJL {@link ai.djl.nn.Block}: token
 * ids (batch, time) in, logits (batch, time, vocabulary) out. Token + learned position
 * embeddings, the blocks (distinct, or one applied {@code layers} times), a final LayerNorm and
 * an untied head without bias.
 *
 * <p>Its single DJL {@link Parameter}, {@code weights}, is the flat vector of every parameter
 * ({@link ParameterLayout}); each pass takes views of it. Training, decoding and the named
 * activations (capture and patching) all run {@link #forward(NDArray, NDArray, Pass)}, so probes
 * see exactly what training computed.
 */
public final class GptBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final GptConfig config;
    private final ModelShape shape;
    private final ParameterLayout layout;
    private final Parameter weights;
    private final List<TransformerBlock> blocks = new ArrayList<>();
    private final Shape normalized;
    private CausalMasks masks;

    GptBlock(GptConfig config, ModelShape shape) {
        super(VERSION);
        this.config = config;
        this.shape = shape;
        this.layout = ParameterLayout.of(config, shape);
        this.weights = addParameter(Parameter.builder().setName("weights").setType(Parameter.Type.WEIGHT).build());
        this.normalized = new Shape(config.d());
    }

    /** Creates the flat parameter vector (float32) on {@code manager} with {@code values} and the model's constants. */
    void initialize(NDManager manager, float[] values) {
        requireCount(values.length);
        if (weights.isInitialized()) {
            // DJL lets a parameter's array be set once; a second initialization overwrites its values.
            weights.getArray().set(values);
            return;
        }
        create(manager, manager.create(values));
    }

    /** As {@link #initialize(NDManager, float[])} in double precision, for numerical checks. */
    void initialize(NDManager manager, double[] values) {
        requireCount(values.length);
        if (weights.isInitialized()) {
            weights.getArray().set(values);
            return;
        }
        create(manager, manager.create(values));
    }

    private void requireCount(int count) {
        if (count != layout.count()) {
            throw new IllegalArgumentException("expected " + layout.count() + " parameter values, got " + count);
        }
    }

    private void create(NDManager manager, NDArray flat) {
        flat.setRequiresGradient(true);
        weights.setArray(flat);
        NDArray scale = manager.create((float) (1.0 / Math.sqrt(config.headSize())));
        NDScope.unregister(flat, scale); // the model's, not the scope's that happens to be open
        blocks.clear();
        for (int i = 0; i < config.variant().distinctBlocks(config.layers()); i++) {
            blocks.add(new TransformerBlock(config, scale));
        }
        masks = new CausalMasks(manager);
    }

    /** The flat vector of every parameter, in {@link ParameterLayout} order. */
    public NDArray weights() {
        if (!weights.isInitialized()) {
            throw new IllegalStateException("the model has no weights yet: call Model.initialize(manager, seed) first");
        }
        return weights.getArray();
    }

    public ParameterLayout layout() {
        return layout;
    }

    public GptConfig config() {
        return config;
    }

    public ModelShape modelShape() {
        return shape;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray tokens = inputs.head();
        NDArray flat = parameterStore.getValue(weights, tokens.getDevice(), training);
        return new NDList(forward(flat, tokens, training ? Pass.forTraining() : Pass.forInference()));
    }

    /**
     * The forward pass every use of the model shares.
     *
     * @param flat the flat parameter vector (or a copy of it that autograd tracks)
     * @param tokens int64 token ids (batch, time), time at most the context length
     * @return logits (batch, time, vocabulary), or (batch, 1, vocabulary) for {@link Pass#lastPositionOnly()}
     */
    NDArray forward(NDArray flat, NDArray tokens, Pass pass) {
        Shape tokenShape = tokens.getShape();
        if (tokenShape.dimension() != 2) {
            throw new IllegalArgumentException("expected token ids of shape (batch, time), got " + tokenShape);
        }
        int batch = (int) tokenShape.get(0);
        int time = (int) tokenShape.get(1);
        if (pass.positions().isEmpty() && time > shape.contextLength()) {
            throw new IllegalArgumentException("a sequence of " + time + " tokens is longer than the context length "
                    + shape.contextLength() + "; crop it to the last " + shape.contextLength() + " tokens");
        }
        NDArray ids = tokens.getDataType() == DataType.INT64 ? tokens : tokens.toType(DataType.INT64, false);
        GptWeights w = layout.views(flat, ids);
        NDArray x = ids.getNDArrayInternal().embedding(ids, w.tokenEmbedding(), SparseFormat.DENSE).singletonOrThrow();
        x = pass.hook().at(HookPoint.EMBED, 0, x);
        NDArray positions;
        if (pass.positions().isPresent()) {
            NDArray p = pass.positions().get();
            positions = p.getNDArrayInternal().embedding(p, w.positionEmbedding(), SparseFormat.DENSE).singletonOrThrow();
        } else {
            positions = time == shape.contextLength() ? w.positionEmbedding()
                    : w.positionEmbedding().get(new NDIndex().addSliceDim(0, time));
        }
        positions = pass.hook().at(HookPoint.POS_EMBED, 0, positions);
        x = x.add(positions);
        x = Dropout.apply(x, (float) config.dropout(), pass.training());
        x = x.reshape(batch * (long) time, config.d());
        NDArray mask = pass.mask().orElseGet(() -> masks.causal(time));
        for (int layer = 0; layer < config.layers(); layer++) {
            TransformerBlock block = blocks.get(config.variant() == Variant.RECURRENT ? 0 : layer);
            x = block.forward(x, w.blocks().get(layer), layer, batch, mask, pass);
        }
        int outTime = time;
        if (pass.lastPositionOnly() && time > 1) {
            x = x.reshape(batch, time, config.d()).get(new NDIndex(":, -1, :"));
            outTime = 1;
        }
        x = x.getNDArrayInternal().layerNorm(x, normalized, w.finalNormGain(), w.finalNormBias(),
                TransformerBlock.NORM_EPSILON).singletonOrThrow();
        NDArray logits = x.getNDArrayInternal().linear(x, w.head(), null).singletonOrThrow();
        return logits.reshape(batch, outTime, shape.vocabularySize());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), shape.vocabularySize())};
    }

    @Override
    public String toString() {
        return "GptBlock(" + config + ", " + shape + ")";
    }
}
