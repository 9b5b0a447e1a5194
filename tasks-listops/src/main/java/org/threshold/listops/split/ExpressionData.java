package org.threshold.listops.split;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.threshold.listops.expression.Equation;
import org.threshold.listops.expression.Mixing;
import org.threshold.listops.expression.Operator;
import org.threshold.listops.expression.OperatorMixture;
import org.threshold.listops.expression.RandomExpressions;

/**
 * A nested-expression dataset split by excluded triplets (SPEC section 2), generated from an
 * {@link ExpressionSpec} and a seed:
 *
 * <ul>
 *   <li>{@code excluded}: the exclusion set, from the seed alone (stream {@code excluded}).</li>
 *   <li>{@code training}: {@code trainSize} distinct equations with no excluded triplet in any
 *       step. With {@code within} mixing one component named after the mixture (stream
 *       {@code train}); with {@code per-expression} mixing one component per operator, each
 *       with its weight and an even share of {@code trainSize} (streams {@code train.OP}).</li>
 *   <li>{@code test}: {@code testSize} distinct equations of the mixture, each with at least one
 *       excluded triplet (stream {@code test}).</li>
 *   <li>{@code operatorTests}: per operator of the mixture, {@code evalSize} distinct test
 *       equations using that operator alone (streams {@code test.OP}).</li>
 *   <li>{@code trainSample}: {@code evalSize} training equations taken in turn from the
 *       components, to show memorization.</li>
 * </ul>
 *
 * Train and test never share an equation: one holds an excluded triplet, the other none.
 *
 * @param testEquations how the test sets got their triplet (SAMPLED or PLANTED)
 * @param drawn random trees drawn in all
 * @param rejected draws whose equation was longer than the context
 */
public record ExpressionData(
        ExpressionSpec spec,
        ExcludedTriplets excluded,
        TestEquations testEquations,
        List<ComponentData> training,
        List<Equation> test,
        List<TestSet> operatorTests,
        List<Equation> trainSample,
        long drawn,
        long rejected) {

    /** A training component's equations. */
    public record ComponentData(String name, double weight, List<Equation> equations) {
        public ComponentData {
            equations = List.copyOf(equations);
        }
    }

    /** A named test set. */
    public record TestSet(String name, List<Equation> equations) {
        public TestSet {
            equations = List.copyOf(equations);
        }
    }

    public ExpressionData {
        training = List.copyOf(training);
        test = List.copyOf(test);
        operatorTests = List.copyOf(operatorTests);
        trainSample = List.copyOf(trainSample);
    }

    /**
     * Generates the data; deterministic in {@code spec} and {@code seed}.
     *
     * @throws GenerationException naming the config key to change when a set cannot be filled
     *     within 100 draws per wanted equation, or more than 1% of draws are longer than the context
     */
    public static ExpressionData generate(ExpressionSpec spec, long seed) {
        return generate(spec, seed, Runtime.getRuntime().maxMemory());
    }

    /**
     * As {@link #generate(ExpressionSpec, long)}, within a heap of {@code heapBytes}.
     *
     * @throws GenerationException also when the sets cannot fit the heap ({@link EquationFootprint}):
     *     checked before any equation is drawn
     */
    public static ExpressionData generate(ExpressionSpec spec, long seed, long heapBytes) {
        EquationFootprint.check(spec, seed, heapBytes);
        int n = spec.notation().size();
        ExcludedTriplets excluded = ExcludedTriplets.choose(n, spec.excluded(), StreamSeed.of(seed, "excluded"));
        TestEquations method = spec.resolvedTestEquations();
        EquationSampler sampler = new EquationSampler(spec, excluded);
        OperatorMixture mixture = spec.mixture();

        List<ComponentData> training = new ArrayList<>();
        if (mixture.mixing() == Mixing.WITHIN) {
            training.add(new ComponentData(mixture.name(), 1.0,
                    sampler.training(source(spec, mixture, seed, "train"), spec.trainSize(), "training set", "train_size")));
        } else {
            int k = mixture.operators().size();
            for (int i = 0; i < k; i++) {
                Operator op = mixture.operators().get(i);
                int share = spec.trainSize() / k + (i < spec.trainSize() % k ? 1 : 0);
                if (share == 0) {
                    throw new GenerationException("train_size", "train_size " + spec.trainSize() + " is split evenly among "
                            + k + " operators with per-expression mixing; raise it to at least " + k);
                }
                training.add(new ComponentData(op.name(), mixture.weights().get(i),
                        sampler.training(source(spec, OperatorMixture.of(op), seed, "train." + op.name()), share,
                                "training component " + op.name(), "train_size")));
            }
        }

        boolean planted = method == TestEquations.PLANTED;
        List<Equation> test = sampler.test(source(spec, mixture, seed, "test"), planted, spec.testSize(),
                new SplittableRandom(StreamSeed.of(seed, "plant.test")), "test set", "test_size");

        List<TestSet> operatorTests = new ArrayList<>();
        for (Operator op : mixture.operators()) {
            String stream = "test." + op.name();
            operatorTests.add(new TestSet(op.name(), sampler.test(source(spec, OperatorMixture.of(op), seed, stream), planted,
                    spec.evalSize(), new SplittableRandom(StreamSeed.of(seed, "plant." + stream)), "per-operator test set " + op.name(),
                    "eval_size")));
        }

        List<Equation> sample = new ArrayList<>(spec.evalSize());
        for (int i = 0; sample.size() < spec.evalSize(); i++) {
            for (ComponentData c : training) {
                if (i < c.equations().size() && sample.size() < spec.evalSize()) {
                    sample.add(c.equations().get(i));
                }
            }
        }
        if (sampler.rejected() > EquationSampler.MAX_REJECTED * sampler.drawn()) {
            throw EquationSampler.tooLong(sampler.rejected(), sampler.drawn(), spec.context());
        }
        return new ExpressionData(spec, excluded, method, training, test, operatorTests, sample, sampler.drawn(), sampler.rejected());
    }

    private static RandomExpressions source(ExpressionSpec spec, OperatorMixture mixture, long seed, String stream) {
        return new RandomExpressions(spec.notation(), mixture, spec.shape(), StreamSeed.of(seed, stream));
    }

    /** Every training equation, component after component. */
    public List<Equation> allTraining() {
        List<Equation> all = new ArrayList<>();
        for (ComponentData c : training) {
            all.addAll(c.equations());
        }
        return all;
    }
}
