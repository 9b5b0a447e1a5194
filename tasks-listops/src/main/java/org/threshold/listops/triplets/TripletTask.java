package org.threshold.listops.triplets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.threshold.api.task.Component;
import org.threshold.api.task.EvalSet;
import org.threshold.listops.expression.Equation;
import org.threshold.listops.expression.Operator;
import org.threshold.listops.split.ExcludedTriplets;
import org.threshold.listops.split.StreamSeed;
import org.threshold.listops.task.ExpressionTask;

/**
 * Makes the triplet task of appendix C (see {@link TripletSpec} and {@link TripletDataset}).
 *
 * <p>The held-out triplets are the exclusion set of the expression split for the same seed and
 * modulus (stream {@code excluded}). Components: one per operator of the dataset, named after it.
 * Evaluation sets: the held-out triplets under the test operator (headline, ""), the held-out
 * triplets under each operator of the dataset (named after it), and "train" (training examples
 * taken in turn from the components); each holds at most {@code evalSize} prompts.
 */
public final class TripletTask {

    private TripletTask() {
    }

    /** The held-out triplets of a spec and seed. */
    public static ExcludedTriplets heldOut(TripletSpec spec, long seed) {
        return ExcludedTriplets.choose(spec.notation().size(), spec.excluded(), StreamSeed.of(seed, "excluded"));
    }

    /** The task of a ListOps spec, described as "ListOps mod n triplets, …". */
    public static ExpressionTask create(TripletSpec spec, long seed) {
        return create(spec, seed, "ListOps mod " + spec.notation().size());
    }

    /**
     * The task of a spec over any operator family.
     *
     * @param algebra what the description calls the algebra, e.g. "ListOps mod 10" or
     *     "Permutation group S3×S3"; the description goes on with " triplets, dataset …"
     */
    public static ExpressionTask create(TripletSpec spec, long seed, String algebra) {
        int n = spec.notation().size();
        ExcludedTriplets heldOut = heldOut(spec, seed);
        long[] training = trainingRanks(n, heldOut);
        TripletEquations equations = new TripletEquations(spec.notation(), spec.chainOfThought());

        List<Operator> operators = spec.dataset() == TripletDataset.TEST_OPERATOR ? List.of(spec.testOperator()) : spec.operators().operators();
        long[][] parts = spec.dataset() == TripletDataset.BALANCED ? dealt(training, operators.size(), seed) : new long[0][];
        List<TripletTrainingSet> sets = new ArrayList<>();
        List<Component> components = new ArrayList<>();
        for (int i = 0; i < operators.size(); i++) {
            Operator op = operators.get(i);
            long[] ranks = switch (spec.dataset()) {
                case EVERY_OPERATOR, TEST_OPERATOR -> training;
                case BALANCED -> parts[i];
            };
            double weight = spec.dataset() == TripletDataset.TEST_OPERATOR ? 1.0 : spec.operators().weights().get(i);
            TripletTrainingSet set = new TripletTrainingSet(equations, op, ranks);
            sets.add(set);
            components.add(new Component(op.name(), weight, set));
        }

        List<EvalSet> evalSets = new ArrayList<>();
        evalSets.add(new EvalSet("", ExpressionTask.evalItems(heldOutUnder(spec.testOperator(), heldOut, equations, spec), spec.context())));
        for (Operator op : operators) {
            evalSets.add(new EvalSet(op.name(), ExpressionTask.evalItems(heldOutUnder(op, heldOut, equations, spec), spec.context())));
        }
        List<Equation> sample = new ArrayList<>();
        for (int i = 0; sample.size() < spec.evalSize() && i < training.length; i++) {
            for (TripletTrainingSet set : sets) {
                if (i < set.size() && sample.size() < spec.evalSize()) {
                    sample.add(set.equation(i));
                }
            }
        }
        evalSets.add(new EvalSet("train", ExpressionTask.evalItems(sample, spec.context())));

        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("excluded_triplets", (double) heldOut.size());
        figures.put("train_triplets", (double) training.length);
        String names = String.join("+", operators.stream().map(Operator::name).toList());
        String description = algebra + " triplets, dataset " + spec.dataset().word() + " (" + names + ", "
                + components.stream().mapToInt(c -> c.data().size()).sum() + " examples of " + training.length
                + " training triplets), test: " + heldOut.size() + " held-out triplets under " + spec.testOperator().name()
                + (spec.chainOfThought() ? ", CoT" : ", no CoT");
        return new ExpressionTask(spec.notation(), spec.context(), components, evalSets, figures, description);
    }

    /** Ranks of every triplet that is not held out, ascending. */
    static long[] trainingRanks(int n, ExcludedTriplets heldOut) {
        long all = ExcludedTriplets.count(n);
        long[] ranks = new long[(int) (all - heldOut.size())];
        int k = 0;
        for (long r = 0; r < all; r++) {
            if (!heldOut.contains((int) (r / ((long) n * n)), (int) (r / n % n), (int) (r % n))) {
                ranks[k++] = r;
            }
        }
        return ranks;
    }

    /** The training triplets shuffled from the seed and cut into {@code parts} nearly equal parts. */
    private static long[][] dealt(long[] training, int parts, long seed) {
        long[] shuffled = training.clone();
        SplittableRandom random = new SplittableRandom(StreamSeed.of(seed, "triplets.balanced"));
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        long[][] out = new long[parts][];
        int from = 0;
        for (int p = 0; p < parts; p++) {
            int size = shuffled.length / parts + (p < shuffled.length % parts ? 1 : 0);
            out[p] = Arrays.copyOfRange(shuffled, from, from + size);
            from += size;
        }
        return out;
    }

    private static List<Equation> heldOutUnder(Operator op, ExcludedTriplets heldOut, TripletEquations equations, TripletSpec spec) {
        List<Equation> out = new ArrayList<>();
        for (int i = 0; i < heldOut.size() && out.size() < spec.evalSize(); i++) {
            out.add(equations.of(op, heldOut.get(i).rank(spec.notation().size())));
        }
        return out;
    }
}
