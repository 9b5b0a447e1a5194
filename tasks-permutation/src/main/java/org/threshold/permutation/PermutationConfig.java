package org.threshold.permutation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threshold.api.config.ConfigSection;
import org.threshold.listops.expression.Mixing;
import org.threshold.listops.family.ExpressionMode;
import org.threshold.listops.family.FamilyConfig;
import org.threshold.listops.family.ModeKeys;
import org.threshold.listops.split.ExcludedTriplets;
import org.threshold.listops.task.ConfigOrigin;
import org.threshold.listops.task.ExpressionSettings;
import org.threshold.listops.triplets.TripletDataset;
import org.threshold.listops.triplets.TripletSpec;
import org.threshold.permutation.group.BlockDiagonalGroup;
import org.threshold.permutation.group.Subgroup;
import org.threshold.permutation.operators.GroupProduct;
import org.threshold.permutation.operators.PermutationFamily;

/**
 * The {@code task:} section of a permutation-group run (SPEC section 3); every key and default is
 * listed in the module's README. Besides the keys all expression tasks share
 * ({@link ExpressionSettings}: operators, mixing, depth, args, p_nest, cot, context, sizes,
 * excluded, test_equations):
 *
 * <pre>
 *   blocks           [3, 3]        block sizes, each &ge; 2; at most 4096 elements in all
 *   subgroup         symmetric     symmetric (S_b per block) | cyclic (the b rotations, Z_b)
 *   mode             expressions   expressions | triplets
 *   triplet_dataset  2700          2700 | 900-balanced | sum-900 (triplet mode; sum-900 = the test operator alone)
 *   test_operator    OP            the operator of the triplet test set (triplet mode)
 * </pre>
 *
 * @param blocks block sizes, first (top) to last (bottom)
 * @param expressions the shared keys; in triplet mode only operators, cot, context, eval_size
 *     and excluded apply
 */
public record PermutationConfig(
        List<Integer> blocks,
        Subgroup subgroup,
        ExpressionSettings expressions,
        ExpressionMode mode,
        TripletDataset tripletDataset,
        String testOperator,
        ConfigOrigin origin) implements FamilyConfig {

    /** The paper's 6×6 matrices of two 3×3 blocks, S3×S3. */
    public static final List<Integer> PAPER_BLOCKS = List.of(3, 3);
    /** Triplet mode's default operators: all three. */
    public static final Map<String, Double> ALL_OPERATORS = allOperators();

    public PermutationConfig {
        blocks = List.copyOf(blocks);
        BlockDiagonalGroup.checkBlocks(blocks, subgroup).ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
        for (String name : expressions.operators().keySet()) {
            if (!PermutationFamily.NAMES.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a permutation-group operator; they are " + PermutationFamily.NAMES);
            }
        }
        if (!PermutationFamily.NAMES.contains(testOperator)) {
            throw new IllegalArgumentException("test_operator '" + testOperator + "' is not a permutation-group operator; they are "
                    + PermutationFamily.NAMES);
        }
    }

    /** Expressions over the paper's S3×S3 with SPEC's defaults for these operators (equal weights). */
    public static PermutationConfig of(String... operators) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String name : operators) {
            weights.put(name, 1.0);
        }
        return of(weights);
    }

    /** Expressions over the paper's S3×S3 with SPEC's defaults for these operators. */
    public static PermutationConfig of(Map<String, Double> operators) {
        int order = BlockDiagonalGroup.of(PAPER_BLOCKS, Subgroup.SYMMETRIC).order();
        return new PermutationConfig(PAPER_BLOCKS, Subgroup.SYMMETRIC, ExpressionSettings.defaults(operators, order),
                ExpressionMode.EXPRESSIONS, TripletDataset.EVERY_OPERATOR, GroupProduct.NAME, ConfigOrigin.IN_CODE);
    }

    /**
     * Binds the {@code task:} section. Problems go to the section at their key, with the default in
     * place of an unusable value, so one pass reports them all.
     */
    public static PermutationConfig bind(ConfigSection s) {
        List<Integer> blocks = s.integers("blocks", PAPER_BLOCKS, BlockDiagonalGroup.MIN_BLOCK, BlockDiagonalGroup.MAX_ORDER);
        Subgroup subgroup = s.choice("subgroup", Subgroup.SYMMETRIC);
        Optional<String> wrongBlocks = BlockDiagonalGroup.checkBlocks(blocks, subgroup);
        if (wrongBlocks.isPresent()) {
            s.problem("blocks", wrongBlocks.get());
            blocks = PAPER_BLOCKS;
            subgroup = Subgroup.SYMMETRIC;
        }
        int order = BlockDiagonalGroup.of(blocks, subgroup).order();
        ExpressionMode mode = s.choice("mode", ExpressionMode.EXPRESSIONS);
        if (mode == ExpressionMode.TRIPLETS && order > TripletSpec.MAX_MODULUS) {
            s.problem("blocks", "triplet mode lists all n^3 triplets, so the group has at most " + TripletSpec.MAX_MODULUS
                    + " elements; " + blocks + " give " + order);
            blocks = PAPER_BLOCKS;
            subgroup = Subgroup.SYMMETRIC;
            order = BlockDiagonalGroup.of(blocks, subgroup).order();
        }
        ModeKeys keys = ModeKeys.bind(s, mode, PermutationFamily.NAMES, order, ALL_OPERATORS, GroupProduct.NAME);
        return new PermutationConfig(blocks, subgroup, keys.expressions(), mode, keys.tripletDataset(), keys.testOperator(),
                ConfigOrigin.of(s));
    }

    private static Map<String, Double> allOperators() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String name : PermutationFamily.NAMES) {
            m.put(name, 1.0);
        }
        return Collections.unmodifiableMap(m);
    }

    /** The group these blocks and subgroup describe. */
    public BlockDiagonalGroup group() {
        return BlockDiagonalGroup.of(blocks, subgroup);
    }

    /** The same operators and sizes over other blocks (the exclusion set's default follows the new order). */
    public PermutationConfig withBlocks(List<Integer> blocks, Subgroup subgroup) {
        int order = BlockDiagonalGroup.of(blocks, subgroup).order();
        ExpressionSettings e = expressions.withExcluded(ExcludedTriplets.defaultCount(order));
        return new PermutationConfig(blocks, subgroup, e, mode, tripletDataset, testOperator, origin);
    }

    public PermutationConfig withExpressions(ExpressionSettings expressions) {
        return new PermutationConfig(blocks, subgroup, expressions, mode, tripletDataset, testOperator, origin);
    }

    public PermutationConfig withMixing(Mixing mixing) {
        return withExpressions(expressions.withMixing(mixing));
    }

    public PermutationConfig withSizes(int trainSize, int testSize, int evalSize) {
        return withExpressions(expressions.withSizes(trainSize, testSize, evalSize));
    }

    /** Triplet mode with this dataset and test operator (appendix C's experiment on this group). */
    public PermutationConfig withTriplets(TripletDataset dataset, String testOperator) {
        return new PermutationConfig(blocks, subgroup, expressions, ExpressionMode.TRIPLETS, dataset, testOperator, origin);
    }

    public PermutationConfig withOrigin(ConfigOrigin origin) {
        return new PermutationConfig(blocks, subgroup, expressions, mode, tripletDataset, testOperator, origin);
    }
}
