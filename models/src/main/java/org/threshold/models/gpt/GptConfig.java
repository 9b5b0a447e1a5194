package org.threshold.models.gpt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.threshold.api.config.ConfigSection;

/**
 * The {@code model:} section of a run file for {@code type: gpt} (SPEC sections 5 and 5b).
 * Defaults live here and nowhere else; with every default the model is SPEC section 5's, tensor
 * for tensor and value for value.
 *
 * @param variant standard (distinct blocks) or recurrent (one block applied {@code layers} times);
 *     default standard
 * @param d embedding size, at least 1 (paper grid: 4 … 256); default 32
 * @param layers block applications (paper: 1 … 6); default 2
 * @param heads attention heads; default 1
 * @param headDim size of one head's queries, keys and values; default d / heads (which must then divide d)
 * @param dropout dropout rate after the embeddings, on the attention weights, after the attention
 *     projection and after the feed-forward (nanoGPT's places); default 0
 * @param positions how positions are encoded; default learned
 * @param tieEmbeddings the head is the token embedding transposed (no head matrix of its own); default false
 * @param bias the linear layers (and LayerNorms) have biases; default true. The head never has one.
 * @param mlpRatio the MLP's hidden width in multiples of d; 0 removes every MLP; default 4
 * @param mlpLayers the block applications, counted from 0 as in the hook names, that have an MLP,
 *     ascending; default all of them (none when {@code mlpRatio} is 0). A recurrent model's shared
 *     block has an MLP when any application does, and runs it in the listed applications only.
 * @param norm the normalization before attention, MLP and head; default layer
 * @param weights a safetensors file to start from instead of the initialization (SPEC 5b:
 *     hand-set or exported weights); default none
 */
public record GptConfig(Variant variant, int d, int layers, int heads, int headDim, double dropout, Positions positions,
                        boolean tieEmbeddings, boolean bias, int mlpRatio, List<Integer> mlpLayers, Norm norm,
                        Optional<StartingWeights> weights) {

    /** The MLP's hidden width of SPEC section 5, in multiples of d. */
    public static final int DEFAULT_MLP_RATIO = 4;

    public GptConfig {
        if (d < 1) {
            throw new IllegalArgumentException("d (embedding size) must be at least 1, got " + d);
        }
        if (layers < 1) {
            throw new IllegalArgumentException("layers must be at least 1, got " + layers);
        }
        if (heads < 1) {
            throw new IllegalArgumentException("heads must be at least 1, got " + heads);
        }
        if (headDim < 1) {
            throw new IllegalArgumentException("head_dim must be at least 1, got " + headDim);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (mlpRatio < 0) {
            throw new IllegalArgumentException("mlp_ratio must be at least 0, got " + mlpRatio);
        }
        if (positions == Positions.ROTARY && headDim < 2) {
            throw new IllegalArgumentException("rotary positions rotate pairs of a head's dimensions; head_dim is " + headDim);
        }
        mlpLayers = List.copyOf(mlpLayers);
        Objects.requireNonNull(weights, "weights");
        for (int i = 0; i < mlpLayers.size(); i++) {
            int layer = mlpLayers.get(i);
            if (layer < 0 || layer >= layers || (i > 0 && layer <= mlpLayers.get(i - 1))) {
                throw new IllegalArgumentException("mlp_layers must be ascending block indices from 0 to " + (layers - 1)
                        + ", got " + mlpLayers);
            }
        }
        if (mlpRatio == 0 && !mlpLayers.isEmpty()) {
            throw new IllegalArgumentException("mlp_ratio 0 removes every MLP, but mlp_layers lists " + mlpLayers);
        }
    }

    /** A model that starts from its initialization. */
    public GptConfig(Variant variant, int d, int layers, int heads, int headDim, double dropout, Positions positions,
                     boolean tieEmbeddings, boolean bias, int mlpRatio, List<Integer> mlpLayers, Norm norm) {
        this(variant, d, layers, heads, headDim, dropout, positions, tieEmbeddings, bias, mlpRatio, mlpLayers, norm,
                Optional.empty());
    }

    /** SPEC section 5's model with {@code heads} heads of size d / heads. */
    public GptConfig(Variant variant, int d, int layers, int heads, double dropout) {
        this(variant, d, layers, heads, dividedHeadDim(d, heads), dropout, Positions.LEARNED, false, true, DEFAULT_MLP_RATIO,
                allLayers(layers), Norm.LAYER);
    }

    private static int dividedHeadDim(int d, int heads) {
        if (heads < 1 || d % heads != 0) {
            throw new IllegalArgumentException("heads must divide d=" + d + " (or give head_dim), got " + heads);
        }
        return d / heads;
    }

    /** A standard single-head model without dropout. */
    public static GptConfig standard(int d, int layers) {
        return new GptConfig(Variant.STANDARD, d, layers, 1, 0);
    }

    /** A recurrent single-head model without dropout: one block applied {@code layers} times. */
    public static GptConfig recurrent(int d, int layers) {
        return new GptConfig(Variant.RECURRENT, d, layers, 1, 0);
    }

    /** Binds the {@code model:} section (without {@code type}); problems go to the section. */
    public static GptConfig bind(ConfigSection s) {
        Variant variant = Variant.of(s.choice("variant", Variant.STANDARD.word(), Variant.words()));
        int d = s.integer("d", 32, 1, 65_536);
        int layers = s.integer("layers", 2, 1, 1_024);
        int heads = s.integer("heads", 1, 1, 65_536);
        boolean divides = d % heads == 0;
        boolean headDimGiven = s.has("head_dim");
        int headDim = s.integer("head_dim", divides ? d / heads : 1, 1, 65_536);
        if (!headDimGiven && !divides) {
            s.problem("heads", "expected a divisor of d=" + d + ", found " + heads + " (or give head_dim, a head's size)");
        }
        if (divides && headDim == d / heads) {
            s.outsideIdentity("head_dim"); // added after runs existed: at d / heads it is the model they had
        }
        double dropout = s.number("dropout", 0, 0, 0.999);
        Positions positions = s.choice("positions", Positions.LEARNED);
        if (positions == Positions.ROTARY && headDim < 2) {
            s.problem("positions", "rotary positions rotate pairs of a head's dimensions, so a head needs at least 2; "
                    + "found head_dim " + headDim);
            positions = Positions.LEARNED;
        }
        boolean tie = s.flag("tie_embeddings", false);
        boolean bias = s.flag("bias", true);
        int mlpRatio = s.integer("mlp_ratio", DEFAULT_MLP_RATIO, 0, 1_024);
        List<Integer> everyLayer = mlpRatio == 0 ? List.of() : allLayers(layers);
        List<Integer> mlpLayers = s.integers("mlp_layers", everyLayer, 0, layers - 1);
        TreeSet<Integer> ascending = new TreeSet<>(mlpLayers);
        if (ascending.size() != mlpLayers.size()) {
            s.problem("mlp_layers", "expected each block index once, found " + mlpLayers);
        }
        if (mlpRatio == 0 && !ascending.isEmpty()) {
            s.problem("mlp_layers", "mlp_ratio 0 removes every MLP, so no block can have one; found " + mlpLayers
                    + " (leave mlp_layers out, or give mlp_ratio > 0)");
            ascending.clear();
        }
        Norm norm = s.choice("norm", Norm.LAYER);
        // Added after runs existed: at their defaults they are the model those runs had (DESIGN.md).
        if (positions == Positions.LEARNED) {
            s.outsideIdentity("positions");
        }
        if (!tie) {
            s.outsideIdentity("tie_embeddings");
        }
        if (bias) {
            s.outsideIdentity("bias");
        }
        if (mlpRatio == DEFAULT_MLP_RATIO) {
            s.outsideIdentity("mlp_ratio");
        }
        if (mlpLayers.equals(everyLayer)) {
            s.outsideIdentity("mlp_layers");
        }
        if (norm == Norm.LAYER) {
            s.outsideIdentity("norm");
        }
        // Its content enters the identity (optionalFile), and only when given: runs without it keep theirs.
        Optional<StartingWeights> weights = s.optionalFile("weights")
                .map(file -> new StartingWeights(file, s.mark("weights"), s.path().isEmpty() ? "weights" : s.path() + ".weights"));
        return new GptConfig(variant, d, layers, heads, headDim, dropout, positions, tie, bias, mlpRatio,
                new ArrayList<>(ascending), norm, weights);
    }

    private static List<Integer> allLayers(int layers) {
        return IntStream.range(0, Math.max(layers, 0)).boxed().toList();
    }

    /** Size of one head's queries, keys and values. */
    public int headSize() {
        return headDim;
    }

    /** Width of the attention: heads · head size (d unless {@code head_dim} says otherwise). */
    public int attentionWidth() {
        return heads * headDim;
    }

    /** The MLP's hidden width. */
    public int mlpWidth() {
        return mlpRatio * d;
    }

    /** Whether block application {@code layer} runs an MLP. */
    public boolean hasMlp(int layer) {
        return mlpLayers.contains(layer);
    }

    /** Whether distinct block {@code block} holds MLP parameters (a recurrent model's one block: any application runs it). */
    public boolean blockHasMlp(int block) {
        return variant == Variant.RECURRENT ? !mlpLayers.isEmpty() : hasMlp(block);
    }

    /** How many distinct blocks hold parameters. */
    public int distinctBlocks() {
        return variant.distinctBlocks(layers);
    }

    public GptConfig withHeads(int heads, int headDim) {
        return new GptConfig(variant, d, layers, heads, headDim, dropout, positions, tieEmbeddings, bias, mlpRatio, mlpLayers,
                norm, weights);
    }

    public GptConfig withPositions(Positions positions) {
        return new GptConfig(variant, d, layers, heads, headDim, dropout, positions, tieEmbeddings, bias, mlpRatio, mlpLayers,
                norm, weights);
    }

    public GptConfig withTiedEmbeddings(boolean tie) {
        return new GptConfig(variant, d, layers, heads, headDim, dropout, positions, tie, bias, mlpRatio, mlpLayers, norm, weights);
    }

    public GptConfig withBias(boolean bias) {
        return new GptConfig(variant, d, layers, heads, headDim, dropout, positions, tieEmbeddings, bias, mlpRatio, mlpLayers,
                norm, weights);
    }

    /** The MLP's ratio with every block having one (none for 0). */
    public GptConfig withMlpRatio(int ratio) {
        return new GptConfig(variant, d, layers, heads, headDim, dropout, positions, tieEmbeddings, bias, ratio,
                ratio == 0 ? List.of() : allLayers(layers), norm, weights);
    }

    public GptConfig withMlpLayers(List<Integer> mlpLayers) {
        return new GptConfig(variant, d, layers, heads, headDim, dropout, positions, tieEmbeddings, bias, mlpRatio, mlpLayers,
                norm, weights);
    }

    /** The same model, started from the tensors of a safetensors file. */
    public GptConfig withWeights(StartingWeights weights) {
        return new GptConfig(variant, d, layers, heads, headDim, dropout, positions, tieEmbeddings, bias, mlpRatio, mlpLayers,
                norm, Optional.of(weights));
    }

    public GptConfig withNorm(Norm norm) {
        return new GptConfig(variant, d, layers, heads, headDim, dropout, positions, tieEmbeddings, bias, mlpRatio, mlpLayers,
                norm, weights);
    }
}
