package org.threshold.listops.family;

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

/**
 * Makes the task of an operator family's config and a data seed: nested expressions (the
 * held-out-triplet split of SPEC section 2) or appendix C's triplets, by the config's mode. Every
 * family gets the same trees, chain of thought, split, scorer and chance levels; it brings only its
 * notation and how its descriptions name the algebra.
 */
public final class FamilyTask {

    private FamilyTask() {
    }

    /**
     * @param notation the family's notation (its algebra and operators)
     * @param algebra what the description calls the algebra, e.g. "ListOps mod 10"
     * @param detail what the description of expression data adds after the chain of thought, e.g.
     *     ", SSUM table shuffled (seed 1)"; empty for nothing
     * @throws ConfigException at the key to change when the data cannot be made (a set the split
     *     cannot fill, too many equations longer than the context)
     */
    public static ExpressionTask create(FamilyConfig config, Notation notation, String algebra, String detail, long seed) {
        return create(config, notation, algebra, detail, new TaskContext(seed));
    }

    /**
     * As {@link #create(FamilyConfig, Notation, String, String, long)}, refusing data that cannot
     * fit the context's heap at the key that sizes it, before anything is drawn.
     */
    public static ExpressionTask create(FamilyConfig config, Notation notation, String algebra, String detail,
                                        TaskContext context) {
        long seed = context.seed();
        if (config.mode() == ExpressionMode.TRIPLETS) {
            return TripletTask.create(tripletSpec(config, notation), seed, algebra);
        }
        ExpressionSpec spec = config.expressions().spec(notation);
        try {
            ExpressionData data = ExpressionData.generate(spec, seed, context.heapBytes());
            return ExpressionTask.of(data, describe(algebra, config.expressions(), detail, data.testEquations()));
        } catch (GenerationException failure) {
            throw new ConfigException(config.origin().problem(failure.key(), failure.getMessage()));
        }
    }

    /** The triplet spec of a config in triplet mode. */
    public static TripletSpec tripletSpec(FamilyConfig config, Notation notation) {
        ExpressionSettings e = config.expressions();
        return new TripletSpec(notation, e.mixture(notation), notation.operator(config.testOperator()).orElseThrow(),
                config.tripletDataset(), e.excluded(), e.chainOfThought(), e.context(), e.evalSize());
    }

    /** One line, e.g. "ListOps mod 10, MAX+MED+SUM within, depth 2, args 2-3, p_nest 0.3, CoT; 45000 train, …". */
    static String describe(String algebra, ExpressionSettings e, String detail, TestEquations testEquations) {
        String ops = e.operators().entrySet().stream()
                .map(w -> w.getValue() == 1.0 ? w.getKey() : w.getKey() + "×" + weight(w.getValue()))
                .collect(Collectors.joining("+"));
        return String.format(Locale.ROOT, "%s, %s %s, %s, %s%s; %d train, %d test (%s), %d excluded triplets, context %d",
                algebra, ops, e.mixing().word(), e.shape(), e.chainOfThought() ? "CoT" : "no CoT", detail, e.trainSize(),
                e.testSize(), testEquations.word(), e.excluded(), e.context());
    }

    /** 2 rather than 2.0, 0.5 as it is. */
    private static String weight(double w) {
        return w == Math.rint(w) ? String.valueOf((long) w) : String.valueOf(w);
    }
}
