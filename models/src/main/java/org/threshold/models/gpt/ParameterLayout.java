package org.threshold.models.gpt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.threshold.api.model.ModelShape;
import org.threshold.models.gpt.ParameterTensor.Init;

/**
 * Where every parameter of a GPT lives in one flat float vector, under nanoGPT's state_dict names
 * ({@code transformer.wte.weight}, {@code transformer.h.0.attn.c_attn.weight}, …; models/README.md
 * lists them), in peer_gpt.py's order: token embedding, position embedding, each distinct block
 * (ln_1, attn.c_attn, attn.c_proj, ln_2, mlp.c_fc, mlp.c_proj), final norm, head. What a config
 * leaves out (learned positions, biases, norms, an MLP, the head of tied embeddings) has no tensor.
 *
 * <p>One vector holds everything so that the optimizer, gradient clipping and checkpoints work on
 * one array each: per-parameter updates cost a few dozen native calls per step, which is 10% of a
 * small model's step (DESIGN.md, what the DJL prototype taught).
 */
public final class ParameterLayout {

    /** Standard deviation of the initial weights and embeddings (nanoGPT, peer_gpt.py). */
    public static final double INIT_STD = 0.02;

    /** The token embedding's name, nanoGPT's. */
    public static final String TOKEN_EMBEDDING = "transformer.wte.weight";

    /** What a tensor is in the forward pass. */
    enum Part {
        TOKEN_EMBEDDING, POSITION_EMBEDDING,
        NORM1_GAIN, NORM1_BIAS, QKV_WEIGHT, QKV_BIAS, PROJECTION_WEIGHT, PROJECTION_BIAS,
        NORM2_GAIN, NORM2_BIAS, UP_WEIGHT, UP_BIAS, DOWN_WEIGHT, DOWN_BIAS,
        FINAL_NORM_GAIN, FINAL_NORM_BIAS, HEAD
    }

    /** A tensor's part and its distinct block (−1 outside the blocks). */
    private record Slot(Part part, int block) {
    }

    private final GptConfig config;
    private final ModelShape shape;
    private final List<ParameterTensor> tensors;
    private final List<Slot> slots;
    private final long count;
    private final long[] splitPoints;

    private ParameterLayout(GptConfig config, ModelShape shape) {
        this.config = config;
        this.shape = shape;
        int d = config.d();
        int v = shape.vocabularySize();
        long inner = config.attentionWidth();
        long hidden = config.mlpWidth();
        List<ParameterTensor> list = new ArrayList<>();
        List<Slot> parts = new ArrayList<>();
        long[] offset = {0};
        Adder add = (part, block, name, init, dims) -> {
            ParameterTensor t = new ParameterTensor(name, new Shape(dims), offset[0], init);
            list.add(t);
            parts.add(new Slot(part, block));
            offset[0] = t.end();
        };
        add.add(Part.TOKEN_EMBEDDING, -1, TOKEN_EMBEDDING, Init.NORMAL, v, d);
        if (config.positions() == Positions.LEARNED) {
            add.add(Part.POSITION_EMBEDDING, -1, "transformer.wpe.weight", Init.NORMAL, shape.contextLength(), d);
        }
        for (int b = 0; b < config.distinctBlocks(); b++) {
            String h = "transformer.h." + b + ".";
            norm(add, b, Part.NORM1_GAIN, Part.NORM1_BIAS, h + "ln_1");
            add.add(Part.QKV_WEIGHT, b, h + "attn.c_attn.weight", Init.NORMAL, 3 * inner, d);
            if (config.bias()) {
                add.add(Part.QKV_BIAS, b, h + "attn.c_attn.bias", Init.ZEROS, 3 * inner);
            }
            add.add(Part.PROJECTION_WEIGHT, b, h + "attn.c_proj.weight", Init.NORMAL, d, inner);
            if (config.bias()) {
                add.add(Part.PROJECTION_BIAS, b, h + "attn.c_proj.bias", Init.ZEROS, d);
            }
            if (config.blockHasMlp(b)) {
                norm(add, b, Part.NORM2_GAIN, Part.NORM2_BIAS, h + "ln_2");
                add.add(Part.UP_WEIGHT, b, h + "mlp.c_fc.weight", Init.NORMAL, hidden, d);
                if (config.bias()) {
                    add.add(Part.UP_BIAS, b, h + "mlp.c_fc.bias", Init.ZEROS, hidden);
                }
                add.add(Part.DOWN_WEIGHT, b, h + "mlp.c_proj.weight", Init.NORMAL, d, hidden);
                if (config.bias()) {
                    add.add(Part.DOWN_BIAS, b, h + "mlp.c_proj.bias", Init.ZEROS, d);
                }
            }
        }
        norm(add, -1, Part.FINAL_NORM_GAIN, Part.FINAL_NORM_BIAS, "transformer.ln_f");
        if (!config.tieEmbeddings()) {
            add.add(Part.HEAD, -1, "lm_head.weight", Init.NORMAL, v, d);
        }
        this.tensors = Collections.unmodifiableList(list);
        this.slots = List.copyOf(parts);
        this.count = offset[0];
        this.splitPoints = new long[list.size() - 1];
        for (int i = 0; i < splitPoints.length; i++) {
            splitPoints[i] = list.get(i).end();
        }
    }

    /** A norm's gain ({@code .weight}) and, for a LayerNorm of a model with biases, its bias. */
    private void norm(Adder add, int block, Part gain, Part bias, String name) {
        if (config.norm() == Norm.NONE) {
            return;
        }
        add.add(gain, block, name + ".weight", Init.ONES, config.d());
        if (config.norm() == Norm.LAYER && config.bias()) {
            add.add(bias, block, name + ".bias", Init.ZEROS, config.d());
        }
    }

    @FunctionalInterface
    private interface Adder {
        void add(Part part, int block, String name, Init init, long... dims);
    }

    public static ParameterLayout of(GptConfig config, ModelShape shape) {
        return new ParameterLayout(config, shape);
    }

    /**
     * The parameter count: every tensor of the layout (a handful of records, no arrays). For SPEC
     * section 5's model, V·d + T·d + B·(12d² + 13d) + 2d + V·d; models/README.md has the formula
     * of every option.
     */
    public static long count(GptConfig config, ModelShape shape) {
        return of(config, shape).count();
    }

    public GptConfig config() {
        return config;
    }

    public ModelShape shape() {
        return shape;
    }

    /** The tensors in storage order. */
    public List<ParameterTensor> tensors() {
        return tensors;
    }

    /** Length of the flat vector: every trainable parameter, position embeddings included. */
    public long count() {
        return count;
    }

    public ParameterTensor tensor(String name) {
        return tensors.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no parameter tensor '" + name + "' in " + names()));
    }

    private List<String> names() {
        return tensors.stream().map(ParameterTensor::name).toList();
    }

    /**
     * The initial flat vector for {@code seed}: tensors in storage order, each filled row-major
     * from one {@link Random} (whose Gaussian algorithm its specification fixes), so the same seed
     * gives the same weights on every machine and engine.
     */
    public float[] initialValues(long seed) {
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a model of " + count + " parameters does not fit one Java array");
        }
        float[] values = new float[(int) count];
        Random random = new Random(seed);
        for (ParameterTensor t : tensors) {
            int from = (int) t.offset();
            int to = (int) t.end();
            switch (t.init()) {
                case ONES -> java.util.Arrays.fill(values, from, to, 1f);
                case ZEROS -> java.util.Arrays.fill(values, from, to, 0f);
                case NORMAL -> {
                    for (int i = from; i < to; i++) {
                        values[i] = (float) (random.nextGaussian() * INIT_STD);
                    }
                }
            }
        }
        return values;
    }

    /**
     * Views of {@code flat} for one forward pass: one split (whose backward is a single
     * concatenation into the flat gradient) and a reshape per matrix. The views are attached to
     * {@code owner}'s manager, so they are released with the pass's other intermediate arrays.
     * A stack's (K, count) parameters give views with a leading K: (K, vocabulary, d) and so on.
     */
    GptWeights views(NDArray flat, NDArray owner) {
        boolean stacked = flat.getShape().dimension() == 2;
        NDList parts = flat.split(splitPoints, stacked ? 1 : 0);
        parts.attach(owner.getManager());
        int distinct = config.distinctBlocks();
        NDArray[] model = new NDArray[Part.values().length];
        NDArray[][] block = new NDArray[distinct][Part.values().length];
        for (int i = 0; i < parts.size(); i++) {
            Shape s = tensors.get(i).shape();
            NDArray view = s.dimension() == 1 ? parts.get(i)
                    : parts.get(i).reshape(stacked ? new Shape(flat.getShape().get(0)).addAll(s) : s);
            Slot slot = slots.get(i);
            if (slot.block() < 0) {
                model[slot.part().ordinal()] = view;
            } else {
                block[slot.block()][slot.part().ordinal()] = view;
            }
        }
        List<BlockWeights> distinctBlocks = new ArrayList<>(distinct);
        for (NDArray[] w : block) {
            distinctBlocks.add(new BlockWeights(w[Part.NORM1_GAIN.ordinal()], w[Part.NORM1_BIAS.ordinal()],
                    w[Part.QKV_WEIGHT.ordinal()], w[Part.QKV_BIAS.ordinal()], w[Part.PROJECTION_WEIGHT.ordinal()],
                    w[Part.PROJECTION_BIAS.ordinal()], w[Part.NORM2_GAIN.ordinal()], w[Part.NORM2_BIAS.ordinal()],
                    w[Part.UP_WEIGHT.ordinal()], w[Part.UP_BIAS.ordinal()], w[Part.DOWN_WEIGHT.ordinal()],
                    w[Part.DOWN_BIAS.ordinal()]));
        }
        List<BlockWeights> applications = new ArrayList<>(config.layers());
        for (int layer = 0; layer < config.layers(); layer++) {
            applications.add(distinctBlocks.get(config.variant() == Variant.RECURRENT ? 0 : layer));
        }
        NDArray tokens = model[Part.TOKEN_EMBEDDING.ordinal()];
        return new GptWeights(tokens, model[Part.POSITION_EMBEDDING.ordinal()], List.copyOf(applications),
                model[Part.FINAL_NORM_GAIN.ordinal()], model[Part.FINAL_NORM_BIAS.ordinal()],
                config.tieEmbeddings() ? tokens : model[Part.HEAD.ordinal()]);
    }
}
