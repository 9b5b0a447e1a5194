package org.threshold.permutation;

import java.util.Locale;
import java.util.stream.Collectors;
import org.threshold.api.config.ConfigException;
import org.threshold.api.task.TaskContext;
import org.threshold.listops.expression.Notation;
import org.threshold.listops.split.ExpressionData;
import org.threshold.listops.split.ExpressionSpec;
import org.threshold.listops.split.GenerationException;
import org.threshold.listops.split.TestEquations;
import org.threshold.listops.task.ExpressionSettings;
import org.threshold.listops.task.ExpressionTask;
import org.threshold.listops.triplets.TripletSpec;
import org.threshold.listops.triplets.TripletTask;
import org.threshold.permutation.group.BlockDiagonalGroup;
import org.threshold.permutation.operators.PermutationFamily;

/**
 * Makes the permutation-group task of a config and a data seed, on the nested-expression engine
 * of tasks-listops: the same trees, chain of thought, held-out-triplet split, triplet mode,
 * scorer and chance levels as ListOps, with the group's operators.
 */
public final class PermutationTask {

    private PermutationTask() {
    }

    /** The operator family of a config: its group, OP, OP_TOP and OP_BOTTOM. */
    public static PermutationFamily family(PermutationConfig config) {
        return PermutationFamily.of(config.group());
    }

    /**
     * @throws ConfigException at the key to change when the data cannot be made (a set the split
     *     cannot fill, too many equations longer than the context)
     */
    public static ExpressionTask create(PermutationConfig config, long seed) {
        return create(config, new TaskContext(seed));
    }

    /** As {@link #create(PermutationConfig, long)}, refusing data that cannot fit the context's heap. */
    public static ExpressionTask create(PermutationConfig config, TaskContext context) {
        long seed = context.seed();
        PermutationFamily family = family(config);
        Notation notation = family.notation();
        ExpressionSettings e = config.expressions();
        if (config.mode() == PermutationMode.TRIPLETS) {
            return TripletTask.create(tripletSpec(config, notation), seed, algebra(config));
        }
        ExpressionSpec spec = e.spec(notation);
        try {
            ExpressionData data = ExpressionData.generate(spec, seed, context.heapBytes());
            return ExpressionTask.of(data, describe(config, data.testEquations()));
        } catch (GenerationException failure) {
            throw new ConfigException(config.origin().problem(failure.key(), failure.getMessage()));
        }
    }

    /** The triplet spec of a config in triplet mode. */
    public static TripletSpec tripletSpec(PermutationConfig config, Notation notation) {
        ExpressionSettings e = config.expressions();
        return new TripletSpec(notation, e.mixture(notation), notation.operator(config.testOperator()).orElseThrow(),
                config.tripletDataset(), e.excluded(), e.chainOfThought(), e.context(), e.evalSize());
    }

    /** E.g. "Permutation group S3×S3 (blocks [3, 3], 36 elements)". */
    static String algebra(PermutationConfig config) {
        BlockDiagonalGroup group = config.group();
        return "Permutation group " + group.name() + " (blocks " + config.blocks() + ", " + group.order() + " elements)";
    }

    /** One line, e.g. "Permutation group S3×S3 (blocks [3, 3], 36 elements), OP+OP_TOP within, depth 2, …". */
    static String describe(PermutationConfig config, TestEquations testEquations) {
        ExpressionSettings e = config.expressions();
        String ops = e.operators().entrySet().stream()
                .map(w -> w.getValue() == 1.0 ? w.getKey() : w.getKey() + "×" + fmt(w.getValue()))
                .collect(Collectors.joining("+"));
        return String.format(Locale.ROOT, "%s, %s %s, %s, %s; %d train, %d test (%s), %d excluded triplets, context %d",
                algebra(config), ops, e.mixing().word(), e.shape(), e.chainOfThought() ? "CoT" : "no CoT", e.trainSize(),
                e.testSize(), testEquations.word(), e.excluded(), e.context());
    }

    private static String fmt(double w) {
        return w == Math.rint(w) ? String.valueOf((long) w) : String.valueOf(w);
    }
}
