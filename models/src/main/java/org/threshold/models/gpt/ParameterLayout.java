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
 * Where every parameter of a GPT lives in one flat float vector, in peer_gpt.py's order: token
 * embedding, position embedding, each distinct block (ln1, qkv, proj, ln2, fc, fc2), final
 * LayerNorm, head.
 *
 * <p>One vector holds everything so that the optimizer, gradient clipping and checkpoints work on
 * one array each: per-parameter updates cost a few dozen native calls per step, which is 10% of a
 * small model's step (DESIGN.md, what the DJL prototype taught).
 */
public final class ParameterLayout {

    /** Standard deviation of the initial weights and embeddings (nanoGPT, peer_gpt.py). */
    public static final double INIT_STD = 0.02;

    private final GptConfig config;
    private final ModelShape shape;
    private final List<ParameterTensor> tensors;
    private final long count;
    private final long[] splitPoints;

    private ParameterLayout(GptConfig config, ModelShape shape) {
        this.config = config;
        this.shape = shape;
        int d = config.d();
        int v = shape.vocabularySize();
        List<ParameterTensor> list = new ArrayList<>();
        long[] offset = {0};
        Adder add = (name, init, dims) -> {
            ParameterTensor t = new ParameterTensor(name, new Shape(dims), offset[0], init);
            list.add(t);
            offset[0] = t.end();
        };
        add.add("tok_emb", Init.NORMAL, v, d);
        add.add("pos_emb", Init.NORMAL, shape.contextLength(), d);
        for (int i = 0; i < config.variant().distinctBlocks(config.layers()); i++) {
            String h = "h" + i + ".";
            add.add(h + "ln1.g", Init.ONES, d);
            add.add(h + "ln1.b", Init.ZEROS, d);
            add.add(h + "qkv.w", Init.NORMAL, 3L * d, d);
            add.add(h + "qkv.b", Init.ZEROS, 3L * d);
            add.add(h + "proj.w", Init.NORMAL, d, d);
            add.add(h + "proj.b", Init.ZEROS, d);
            add.add(h + "ln2.g", Init.ONES, d);
            add.add(h + "ln2.b", Init.ZEROS, d);
            add.add(h + "fc.w", Init.NORMAL, 4L * d, d);
            add.add(h + "fc.b", Init.ZEROS, 4L * d);
            add.add(h + "fc2.w", Init.NORMAL, d, 4L * d);
            add.add(h + "fc2.b", Init.ZEROS, d);
        }
        add.add("lnf.g", Init.ONES, d);
        add.add("lnf.b", Init.ZEROS, d);
        add.add("head.w", Init.NORMAL, v, d);
        this.tensors = Collections.unmodifiableList(list);
        this.count = offset[0];
        this.splitPoints = new long[list.size() - 1];
        for (int i = 0; i < splitPoints.length; i++) {
            splitPoints[i] = list.get(i).end();
        }
    }

    @FunctionalInterface
    private interface Adder {
        void add(String name, Init init, long... dims);
    }

    public static ParameterLayout of(GptConfig config, ModelShape shape) {
        return new ParameterLayout(config, shape);
    }

    /**
     * The parameter count without building anything: token and position embeddings, each
     * distinct block (12d² + 13d: qkv 3d²+3d, projection d²+d, feed-forward 8d²+5d, two
     * LayerNorms 4d), the final LayerNorm (2d) and the bias-free head.
     */
    public static long count(GptConfig config, ModelShape shape) {
        long d = config.d();
        long v = shape.vocabularySize();
        long block = 12 * d * d + 13 * d;
        return v * d + shape.contextLength() * d + config.variant().distinctBlocks(config.layers()) * block + 2 * d + v * d;
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
     */
    GptWeights views(NDArray flat, NDArray owner) {
        NDList parts = flat.split(splitPoints, 0);
        parts.attach(owner.getManager());
        NDArray[] v = new NDArray[parts.size()];
        for (int i = 0; i < v.length; i++) {
            Shape s = tensors.get(i).shape();
            v[i] = s.dimension() == 1 ? parts.get(i) : parts.get(i).reshape(s);
        }
        int distinct = config.variant().distinctBlocks(config.layers());
        List<BlockWeights> distinctBlocks = new ArrayList<>(distinct);
        for (int b = 0; b < distinct; b++) {
            int k = 2 + 12 * b;
            distinctBlocks.add(new BlockWeights(v[k], v[k + 1], v[k + 2], v[k + 3], v[k + 4], v[k + 5], v[k + 6],
                    v[k + 7], v[k + 8], v[k + 9], v[k + 10], v[k + 11]));
        }
        List<BlockWeights> applications = new ArrayList<>(config.layers());
        for (int layer = 0; layer < config.layers(); layer++) {
            applications.add(distinctBlocks.get(config.variant() == Variant.RECURRENT ? 0 : layer));
        }
        int k = 2 + 12 * distinct;
        return new GptWeights(v[0], v[1], List.copyOf(applications), v[k], v[k + 1], v[k + 2]);
    }
}
