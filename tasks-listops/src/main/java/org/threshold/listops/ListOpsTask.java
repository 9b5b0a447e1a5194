package org.threshold.listops;

import org.threshold.api.config.ConfigException;
import org.threshold.api.task.TaskContext;
import org.threshold.listops.arithmetic.Arithmetic;
import org.threshold.listops.family.FamilyTask;
import org.threshold.listops.task.ExpressionTask;

/** Makes the ListOps task of a config and a data seed. */
public final class ListOpsTask {

    private ListOpsTask() {
    }

    /** The operator family of a config: modulus n, SSUM with the configured table. */
    public static Arithmetic family(ListOpsConfig config) {
        return Arithmetic.of(config.modulus(), config.ssumTable().table(config.modulus(), config.tableSeed()));
    }

    /**
     * @throws ConfigException at the key to change when the data cannot be made (a set the split
     *     cannot fill, too many equations longer than the context)
     */
    public static ExpressionTask create(ListOpsConfig config, long seed) {
        return create(config, new TaskContext(seed));
    }

    /** As {@link #create(ListOpsConfig, long)}, refusing data that cannot fit the context's heap. */
    public static ExpressionTask create(ListOpsConfig config, TaskContext context) {
        return FamilyTask.create(config, family(config).notation(), algebra(config), detail(config), context);
    }

    /** "ListOps mod 10": how descriptions name the algebra. */
    static String algebra(ListOpsConfig config) {
        return "ListOps mod " + config.modulus();
    }

    /** ", SSUM table shuffled (seed 1)" when SSUM is mixed: the table decides what SSUM computes. */
    private static String detail(ListOpsConfig config) {
        return config.expressions().operators().containsKey("SSUM")
                ? ", SSUM table " + config.ssumTable().word() + " (seed " + config.tableSeed() + ")" : "";
    }
}
