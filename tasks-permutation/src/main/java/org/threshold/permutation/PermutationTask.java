package org.threshold.permutation;

import org.threshold.api.config.ConfigException;
import org.threshold.api.task.TaskContext;
import org.threshold.listops.family.FamilyTask;
import org.threshold.listops.task.ExpressionTask;
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
        return FamilyTask.create(config, family(config).notation(), algebra(config), "", context);
    }

    /** E.g. "Permutation group S3×S3 (blocks [3, 3], 36 elements)". */
    static String algebra(PermutationConfig config) {
        BlockDiagonalGroup group = config.group();
        return "Permutation group " + group.name() + " (blocks " + config.blocks() + ", " + group.order() + " elements)";
    }
}
