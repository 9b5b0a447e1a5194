package org.threshold.listops;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.threshold.api.config.ConfigSection;
import org.threshold.listops.arithmetic.Arithmetic;
import org.threshold.listops.arithmetic.SumTableKind;
import org.threshold.listops.expression.Mixing;
import org.threshold.listops.family.ExpressionMode;
import org.threshold.listops.family.FamilyConfig;
import org.threshold.listops.family.ModeKeys;
import org.threshold.listops.split.ExcludedTriplets;
import org.threshold.listops.task.ConfigOrigin;
import org.threshold.listops.task.ExpressionSettings;
import org.threshold.listops.triplets.TripletDataset;
import org.threshold.listops.triplets.TripletSpec;

/**
 * The {@code task:} section of a ListOps run (SPEC sections 1 and 2); every key and default is
 * listed in the module's README. Besides the keys all expression tasks share
 * ({@link ExpressionSettings}):
 *
 * <pre>
 *   modulus          10            n, from 2 to 4096 (triplet mode: to 100)
 *   mode             expressions   expressions | triplets
 *   triplet_dataset  2700          2700 | 900-balanced | sum-900 (triplet mode)
 *   test_operator    SUM           the operator of the triplet test set (triplet mode)
 *   ssum_table       shuffled      shuffled | random: SSUM's table
 *   table_seed       1             seed of SSUM's table; fixed, so data seeds vary the data, not the table
 * </pre>
 *
 * @param expressions the shared keys; in triplet mode only operators, cot, context, eval_size
 *     and excluded apply
 */
public record ListOpsConfig(
        int modulus,
        ExpressionSettings expressions,
        ExpressionMode mode,
        TripletDataset tripletDataset,
        String testOperator,
        SumTableKind ssumTable,
        long tableSeed,
        ConfigOrigin origin) implements FamilyConfig {

    public static final int DEFAULT_MODULUS = 10;
    public static final long DEFAULT_TABLE_SEED = 1;
    /** The operators of appendix C's triplet datasets. */
    public static final Map<String, Double> PAPER_TRIPLET_OPERATORS = paperTripletOperators();

    public ListOpsConfig {
        if (modulus < 2 || modulus > Arithmetic.MAX_MODULUS) {
            throw new IllegalArgumentException("modulus is from 2 to " + Arithmetic.MAX_MODULUS + ", got " + modulus);
        }
        for (String name : expressions.operators().keySet()) {
            if (!Arithmetic.NAMES.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a ListOps operator; they are " + Arithmetic.NAMES);
            }
        }
        if (!Arithmetic.NAMES.contains(testOperator)) {
            throw new IllegalArgumentException("test_operator '" + testOperator + "' is not a ListOps operator; they are " + Arithmetic.NAMES);
        }
    }

    /** Expressions with the paper's defaults for these operators and modulus 10. */
    public static ListOpsConfig of(Map<String, Double> operators) {
        return new ListOpsConfig(DEFAULT_MODULUS, ExpressionSettings.defaults(operators, DEFAULT_MODULUS), ExpressionMode.EXPRESSIONS,
                TripletDataset.EVERY_OPERATOR, "SUM", SumTableKind.SHUFFLED, DEFAULT_TABLE_SEED, ConfigOrigin.IN_CODE);
    }

    /** Expressions with the paper's defaults for these operators (equal weights) and modulus 10. */
    public static ListOpsConfig of(String... operators) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String name : operators) {
            weights.put(name, 1.0);
        }
        return of(weights);
    }

    /** Appendix C's triplet dataset with MAX, MED and SUM, modulus 10. */
    public static ListOpsConfig triplets(TripletDataset dataset) {
        return new ListOpsConfig(DEFAULT_MODULUS, ExpressionSettings.defaults(PAPER_TRIPLET_OPERATORS, DEFAULT_MODULUS),
                ExpressionMode.TRIPLETS, dataset, "SUM", SumTableKind.SHUFFLED, DEFAULT_TABLE_SEED, ConfigOrigin.IN_CODE);
    }

    /**
     * Binds the {@code task:} section. Problems go to the section at their key, with the default in
     * place of an unusable value, so one pass reports them all.
     */
    public static ListOpsConfig bind(ConfigSection s) {
        int modulus = s.integer("modulus", DEFAULT_MODULUS, 2, Arithmetic.MAX_MODULUS);
        ExpressionMode mode = s.choice("mode", ExpressionMode.EXPRESSIONS);
        if (mode == ExpressionMode.TRIPLETS && modulus > TripletSpec.MAX_MODULUS) {
            s.problem("modulus", "triplet mode lists all n^3 triplets, so the modulus is at most " + TripletSpec.MAX_MODULUS
                    + "; found " + modulus);
            modulus = DEFAULT_MODULUS;
        }
        ModeKeys keys = ModeKeys.bind(s, mode, Arithmetic.NAMES, modulus, PAPER_TRIPLET_OPERATORS, "SUM");
        SumTableKind table = s.choice("ssum_table", SumTableKind.SHUFFLED);
        long tableSeed = s.longInteger("table_seed", DEFAULT_TABLE_SEED, 0, Long.MAX_VALUE);
        return new ListOpsConfig(modulus, keys.expressions(), mode, keys.tripletDataset(), keys.testOperator(), table, tableSeed,
                ConfigOrigin.of(s));
    }

    private static Map<String, Double> paperTripletOperators() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("MAX", 1.0);
        m.put("MED", 1.0);
        m.put("SUM", 1.0);
        return Collections.unmodifiableMap(m);
    }

    public ListOpsConfig withModulus(int modulus) {
        ExpressionSettings e = expressions.withExcluded(ExcludedTriplets.defaultCount(modulus));
        return new ListOpsConfig(modulus, e, mode, tripletDataset, testOperator, ssumTable, tableSeed, origin);
    }

    public ListOpsConfig withExpressions(ExpressionSettings expressions) {
        return new ListOpsConfig(modulus, expressions, mode, tripletDataset, testOperator, ssumTable, tableSeed, origin);
    }

    public ListOpsConfig withMixing(Mixing mixing) {
        return withExpressions(expressions.withMixing(mixing));
    }

    public ListOpsConfig withSizes(int trainSize, int testSize, int evalSize) {
        return withExpressions(expressions.withSizes(trainSize, testSize, evalSize));
    }

    public ListOpsConfig withOrigin(ConfigOrigin origin) {
        return new ListOpsConfig(modulus, expressions, mode, tripletDataset, testOperator, ssumTable, tableSeed, origin);
    }

    public ListOpsConfig withSumTable(SumTableKind kind, long seed) {
        return new ListOpsConfig(modulus, expressions, mode, tripletDataset, testOperator, kind, seed, origin);
    }
}
