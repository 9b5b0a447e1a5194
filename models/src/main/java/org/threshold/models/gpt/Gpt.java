package org.threshold.models.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.threshold.api.model.GreedyDecoder;
import org.threshold.api.model.Hooks;
import org.threshold.api.model.Model;
import org.threshold.api.model.ModelShape;
import org.threshold.api.model.Stacking;
import org.threshold.api.model.WeightsExport;
import org.threshold.models.safetensors.NamedTensor;
import org.threshold.models.safetensors.Safetensors;

/**
 * The tiny GPT of SPEC section 5, standard or recurrent, as a {@link Model}.
 */
public final class Gpt implements Model {

    /** Prompts a greedy decoder runs together: large enough to keep the matrix products efficient. */
    static final int DECODE_BATCH = 256;

    private final GptConfig config;
    private final ModelShape shape;
    private final GptBlock block;
    /** The parameter vector of {@code model.weights}, read and checked when the model is made. */
    private final Optional<float[]> startingWeights;

    /**
     * @throws org.threshold.api.config.ConfigException when {@code model.weights} does not fit the
     *     model (every tensor missing, unexpected or of another shape, at the key)
     */
    public Gpt(GptConfig config, ModelShape shape) {
        this.config = config;
        this.shape = shape;
        this.block = new GptBlock(config, shape);
        this.startingWeights = config.weights().map(w -> StateDict.load(block.layout(), w));
    }

    public GptConfig config() {
        return config;
    }

    public ModelShape shape() {
        return shape;
    }

    public ParameterLayout layout() {
        return block.layout();
    }

    @Override
    public GptBlock block() {
        return block;
    }

    /** The initialization of {@code seed}, or the weights of {@code model.weights} when the config gives them. */
    @Override
    public void initialize(NDManager manager, long seed) {
        block.initialize(manager, startingWeights.map(float[]::clone).orElseGet(() -> block.layout().initialValues(seed)));
    }

    /**
     * Starts from given weights instead of random ones, e.g. another implementation's (the
     * reference test loads peer_gpt.py's), in {@link ParameterLayout} order.
     */
    public void initialize(NDManager manager, float[] values) {
        block.initialize(manager, values);
    }

    /** As {@link #initialize(NDManager, float[])} with float64 weights, for numerical checks (finite differences). */
    public void initialize(NDManager manager, double[] values) {
        block.initialize(manager, values);
    }

    @Override
    public long parameterCount() {
        return block.layout().count();
    }

    /**
     * SPEC section 9's count is the layout's own: a tied head has no tensor of its own (it is
     * {@code transformer.wte.weight}), a recurrent model stores its one block once, and
     * sinusoidal and rotary tables are constants, not parameters; so nothing is counted twice or
     * counted at all that is not trained.
     */
    @Override
    public long uniqueParameterCount() {
        return block.layout().count();
    }

    /**
     * Per token and block application, what backward keeps: the block's input and its two
     * norms' outputs (3d), queries, keys and values (3w, w = heads · head size), the attention's
     * output (w) and its projection (d), the feed-forward's hidden layer before and after GELU
     * (2h, h = mlp_ratio · d) and its output (d), with the residual sums (d): 18d for SPEC section
     * 5's model, w = d and h = 4d, less without an MLP; per head, the attention scores and their
     * softmax (2·time). Besides: the embeddings' sum and the final norm (2d per token).
     */
    @Override
    public long activationFloats(int rows, int time) {
        long d = config.d();
        long attention = 3 * d + 4L * config.attentionWidth() + d + d + 2L * config.heads() * time;
        long mlp = 2L * config.mlpWidth() + d;
        long perToken = 2 * d;
        for (int layer = 0; layer < config.layers(); layer++) {
            perToken += attention + (config.hasMlp(layer) ? mlp : 0);
        }
        return (long) Math.min(Long.MAX_VALUE, (double) rows * time * perToken); // a huge batch saturates, never wraps
    }

    @Override
    public String summary() {
        return String.format(Locale.ROOT, "gpt %s d=%d layers=%d heads=%d%s: %,d parameters", config.variant().word(),
                config.d(), config.layers(), config.heads(), options(), parameterCount());
    }

    /** SPEC section 5b's options that differ from SPEC section 5's model, e.g. " head_dim=2 positions=rotary tied". */
    private String options() {
        StringBuilder s = new StringBuilder();
        if (config.headSize() * config.heads() != config.d()) {
            s.append(" head_dim=").append(config.headSize());
        }
        if (config.positions() != Positions.LEARNED) {
            s.append(" positions=").append(config.positions().word());
        }
        if (config.norm() != Norm.LAYER) {
            s.append(" norm=").append(config.norm().word());
        }
        if (!config.bias()) {
            s.append(" no bias");
        }
        if (config.mlpRatio() == 0) {
            s.append(" no MLP");
        } else if (config.mlpRatio() != GptConfig.DEFAULT_MLP_RATIO || config.mlpLayers().size() != config.layers()) {
            s.append(" mlp_ratio=").append(config.mlpRatio()).append(" mlp_layers=").append(config.mlpLayers());
        }
        if (config.tieEmbeddings()) {
            s.append(" tied embeddings");
        }
        config.weights().ifPresent(w -> s.append(" weights from ").append(w.file().getFileName()));
        return s.toString();
    }

    /** A view of the token embedding (vocabulary, d) in the weights; close it when done. */
    @Override
    public Optional<NDArray> tokenEmbeddings() {
        NDArray flat = block.weights();
        ParameterTensor t = block.layout().tensor(ParameterLayout.TOKEN_EMBEDDING);
        try (NDArray slice = flat.get(new NDIndex().addSliceDim(t.offset(), t.end()))) {
            NDArray view = slice.reshape(t.shape());
            NDScope.unregister(view);
            return Optional.of(view);
        }
    }

    /** The weights as nanoGPT's state_dict ({@link StateDict}), float32, with safetensors.torch's metadata. */
    @Override
    public Optional<WeightsExport> weightsExport() {
        return Optional.of(file -> {
            NDArray flat = block.weights();
            float[] values;
            if (flat.getDataType() == DataType.FLOAT32) {
                values = flat.toFloatArray();
            } else {
                double[] wide = flat.toDoubleArray();
                values = new float[wide.length];
                for (int i = 0; i < wide.length; i++) {
                    values[i] = (float) wide[i];
                }
            }
            List<NamedTensor> tensors = StateDict.of(block.layout(), values);
            Safetensors.write(file, tensors, Map.of("format", "pt"));
            return tensors.size();
        });
    }

    /** Several models of this shape in one pass (SPEC section 10): every option stacks but dropout. */
    @Override
    public Optional<Stacking> stacking() {
        return Optional.of(new GptStacking(this));
    }

    /** The named activations (TransformerLens's names, models/README.md), to capture or replace. */
    @Override
    public Optional<Hooks> hooks() {
        return Optional.of(new GptHooks(block));
    }

    /**
     * Decodes with a cache of keys and values; it sits where the weights are, so {@code manager}
     * is not needed. A shorter crop than the model's context cannot use the cache (every position
     * shifts at each token), so that request decodes by recomputation.
     */
    @Override
    public GreedyDecoder greedyDecoder(NDManager manager, int contextLength) {
        block.weights(); // fails with a clear message before initialization
        if (contextLength > shape.contextLength()) {
            throw new IllegalArgumentException("this model reads at most " + shape.contextLength()
                    + " tokens (its context length), asked to decode with a context of " + contextLength);
        }
        if (contextLength < shape.contextLength()) {
            return Model.super.greedyDecoder(manager, contextLength);
        }
        return new CachedGreedyDecoder(block, DECODE_BATCH);
    }

    @Override
    public String toString() {
        return summary();
    }
}
