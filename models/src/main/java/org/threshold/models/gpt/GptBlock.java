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
 * ids (batch, time) in, logits (batch, time, vocabulary) out. Token + position embeddings
 * (learned, sinusoidal, or none: rotary positions act in attention), the blocks (distinct, or one
 * applied {@code layers} times), a final norm and a head without bias (the token embedding
 * itself when tied); SPEC section 5b's options.
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
    private Normalization normalization;
    private CausalMasks masks;
    /** (context, d), the sinusoidal positions; null unless positions are sinusoidal. */
    private NDArray sinusoids;
    /** (context, 2m) cosines and sines of rotary positions; null unless positions are rotary. */
    private NDArray[] rotary;

    GptBlock(GptConfig config, ModelShape shape) {
        super(VERSION);
        this.config = config;
        this.shape = shape;
        this.layout = ParameterLayout.of(config, shape);
        this.weights = addParameter(Parameter.builder().setName("weights").setType(Parameter.Type.WEIGHT).build());
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
        NDArray zeroBias = manager.zeros(new Shape(config.d()));
        NDArray epsilon = manager.create(Normalization.EPSILON);
        NDScope.unregister(flat, scale, zeroBias, epsilon); // the model's, not the scope's that happens to be open
        NDArray ones = manager.ones(new Shape(config.d()));
        NDScope.unregister(ones);
        normalization = new Normalization(config, zeroBias, ones, epsilon);
        blocks.clear();
        for (int i = 0; i < config.distinctBlocks(); i++) {
            blocks.add(new TransformerBlock(config, scale, normalization));
        }
        masks = new CausalMasks(manager);
        if (config.positions() == Positions.SINUSOIDAL) {
            sinusoids = manager.create(sinusoids(shape.contextLength(), config.d()), new Shape(shape.contextLength(), config.d()));
            NDScope.unregister(sinusoids);
        } else if (config.positions() == Positions.ROTARY) {
            rotary = Rotation.tables(manager, shape.contextLength(), config.headSize());
        }
    }

    /**
     * "Attention is all you need"'s fixed positions, (context, d) row-major:
     * PE(t, 2i) = sin(t / 10000^(2i/d)), PE(t, 2i+1) = cos(t / 10000^(2i/d)).
     */
    static float[] sinusoids(int context, int d) {
        float[] table = new float[context * d];
        for (int t = 0; t < context; t++) {
            for (int c = 0; c < d; c++) {
                double angle = t / Math.pow(10_000, (c - c % 2) / (double) d);
                table[t * d + c] = (float) (c % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
            }
        }
        return table;
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
        return forward(flat, tokens, pass, Lanes.SINGLE);
    }

    /**
     * SPEC section 10's stacked pass: K members' parameters (K, count), each stacked from its own
     * flat vector, and their token ids (K, batch, time) give logits (K, batch, time, vocabulary),
     * the same computation as each member's own pass, batched over K.
     */
    NDArray forwardStacked(NDArray stacked, NDArray tokens, Pass pass) {
        Shape s = stacked.getShape();
        if (s.dimension() != 2 || s.get(1) != layout.count()) {
            throw new IllegalArgumentException("expected stacked parameters (K, " + layout.count() + "), got " + s);
        }
        if (tokens.getShape().dimension() != 3 || tokens.getShape().get(0) != s.get(0)) {
            throw new IllegalArgumentException("expected token ids (" + s.get(0) + ", batch, time) for a stack of " + s.get(0)
                    + ", got " + tokens.getShape());
        }
        if (pass.lastPositionOnly() || pass.cache().isPresent() || pass.hook() != ActivationHook.NONE) {
            throw new IllegalArgumentException("a stack trains and scores whole sequences: no cache, hooks or last position only");
        }
        return forward(stacked, tokens, pass, new Lanes(Math.toIntExact(s.get(0))));
    }

    private NDArray forward(NDArray flat, NDArray tokens, Pass pass, Lanes lanes) {
        Shape tokenShape = tokens.getShape();
        int axes = lanes.stacked() ? 3 : 2;
        if (tokenShape.dimension() != axes) {
            throw new IllegalArgumentException("expected token ids of shape (batch, time), got " + tokenShape);
        }
        int batch = (int) tokenShape.get(axes - 2);
        int time = (int) tokenShape.get(axes - 1);
        if (pass.positions().isEmpty() && time > shape.contextLength()) {
            throw new IllegalArgumentException("a sequence of " + time + " tokens is longer than the context length "
                    + shape.contextLength() + "; crop it to the last " + shape.contextLength() + " tokens");
        }
        NDArray ids = tokens.getDataType() == DataType.INT64 ? tokens : tokens.toType(DataType.INT64, false);
        GptWeights w = layout.views(flat, ids);
        NDArray x = lanes.embed(ids, w.tokenEmbedding());
        x = pass.hook().at(HookPoint.EMBED, 0, x);
        NDArray table = switch (config.positions()) {
            case LEARNED -> w.positionEmbedding();
            case SINUSOIDAL -> sinusoids;
            case ROTARY, NONE -> null;
        };
        if (table != null) {
            NDArray positions = lanes.stacked() && config.positions() == Positions.LEARNED
                    ? memberRows(table, time) : rows(table, pass, time);
            x = x.add(pass.hook().at(HookPoint.POS_EMBED, 0, positions));
        } else if (pass.hook() != ActivationHook.NONE) {
            // nothing is added for rotary or no positions: a hook sees zeros (and may replace them)
            x = x.add(pass.hook().at(HookPoint.POS_EMBED, 0, x.getManager().zeros(new Shape(time, config.d()), x.getDataType())));
        }
        Rotation rotation = rotary == null ? null
                : new Rotation(rows(rotary[0], pass, time), rows(rotary[1], pass, time), config.headSize());
        x = Dropout.apply(x, (float) config.dropout(), pass.training());
        x = lanes.rows(x, batch * (long) time, config.d());
        NDArray mask = pass.mask().orElseGet(() -> masks.causal(time));
        for (int layer = 0; layer < config.layers(); layer++) {
            TransformerBlock block = blocks.get(config.variant() == Variant.RECURRENT ? 0 : layer);
            x = block.forward(x, w.blocks().get(layer), layer, config.hasMlp(layer), batch, mask, rotation, pass, lanes);
        }
        int outTime = time;
        if (pass.lastPositionOnly() && time > 1) {
            x = x.reshape(batch, time, config.d()).get(new NDIndex(":, -1, :"));
            outTime = 1;
        }
        x = normalization.apply(x, w.finalNormGain(), w.finalNormBias(), lanes);
        return lanes.logits(lanes.linear(x, w.head(), null), batch, outTime, shape.vocabularySize());
    }

    /** Rows 0 … time−1 of a stack's learned positions (K, context, d), as (K, 1, time, d) to add to every sequence. */
    private NDArray memberRows(NDArray table, int time) {
        NDArray rows = time == shape.contextLength() ? table : table.get(new NDIndex().addAllDim().addSliceDim(0, time));
        return rows.expandDims(1);
    }

    /**
     * The rows of a per-position table (context, …) this pass needs: its positions' rows
     * (batch, time, …) when it gives positions (decoding), else rows 0 … time−1.
     */
    private NDArray rows(NDArray table, Pass pass, int time) {
        if (pass.positions().isPresent()) {
            NDArray p = pass.positions().get();
            return p.getNDArrayInternal().embedding(p, table, SparseFormat.DENSE).singletonOrThrow();
        }
        return time == shape.contextLength() ? table : table.get(new NDIndex().addSliceDim(0, time));
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
