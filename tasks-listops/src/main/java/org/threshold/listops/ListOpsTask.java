package org.threshold.listops;

import java.util.Locale;
import java.util.stream.Collectors;
import org.threshold.api.config.ConfigException;
import org.threshold.api.task.TaskContext;
import org.threshold.listops.arithmetic.Arithmetic;
import org.threshold.listops.expression.Notation;
import org.threshold.listops.split.ExpressionData;
import org.threshold.listops.split.ExpressionSpec;
import org.threshold.listops.split.GenerationException;
import org.threshold.listops.split.TestEquations;
import org.threshold.listops.task.ExpressionSettings;
import org.threshold.listops.task.ExpressionTask;
import org.threshold.listops.triplets.TripletSpec;
import org.threshold.listops.triplets.TripletTask;

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
        long seed = context.seed();
        Arithmetic family = family(config);
        Notation notation = family.notation();
        ExpressionSettings e = config.expressions();
        if (config.mode() == ListOpsMode.TRIPLETS) {
            return TripletTask.create(tripletSpec(config, notation), seed);
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
    public static TripletSpec tripletSpec(ListOpsConfig config, Notation notation) {
        ExpressionSettings e = config.expressions();
        return new TripletSpec(notation, e.mixture(notation), notation.operator(config.testOperator()).orElseThrow(),
                config.tripletDataset(), e.excluded(), e.chainOfThought(), e.context(), e.evalSize());
    }

    /** One line, e.g. "ListOps mod 10, MAX+MED+SUM within, depth 2, args 2-3, p_nest 0.3, CoT; ...". */
    static String describe(ListOpsConfig config, TestEquations testEquations) {
        ExpressionSettings e = config.expressions();
        String ops = e.operators().entrySet().stream()
                .map(w -> w.getValue() == 1.0 ? w.getKey() : w.getKey() + "×" + fmt(w.getValue()))
                .collect(Collectors.joining("+"));
        String ssum = e.operators().containsKey("SSUM") ? ", SSUM table " + config.ssumTable().word() + " (seed " + config.tableSeed() + ")" : "";
        return String.format(Locale.ROOT, "ListOps mod %d, %s %s, %s, %s%s; %d train, %d test (%s), %d excluded triplets, context %d",
                config.modulus(), ops, e.mixing().word(), e.shape(), e.chainOfThought() ? "CoT" : "no CoT", ssum, e.trainSize(),
                e.testSize(), testEquations.word(), e.excluded(), e.context());
    }

    private static String fmt(double w) {
        return w == Math.rint(w) ? String.valueOf((long) w) : String.valueOf(w);
    }
}
