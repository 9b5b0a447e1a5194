package org.threshold.trainer.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.threshold.api.curriculum.Curriculum;
import org.threshold.api.task.Component;
import org.threshold.api.task.Task;
import org.threshold.api.task.TaskContext;
import org.threshold.listops.ListOpsConfig;
import org.threshold.listops.ListOpsProvider;
import org.threshold.listops.expression.Mixing;
import org.threshold.listops.expression.TreeShape;
import org.threshold.trainer.sampling.Batch;
import org.threshold.trainer.sampling.BatchLayout;
import org.threshold.trainer.sampling.BatchSampler;

/**
 * The trainer's batches follow the curriculum's weights: chi-square goodness-of-fit tests of the
 * component counts the real {@link BatchSampler} draws against the counts the weights predict,
 * over ListOps with one component per operator.
 */
class CurriculumSamplingTest {

    private static final int BATCH = 64;
    private static final long START = 100;
    private static final long SPAN = 400;
    private static final int QUARTERS = 4;

    private final Task task = listOpsPerExpression();
    private final List<String> names = task.components().stream().map(Component::name).toList();

    private static Task listOpsPerExpression() {
        ListOpsConfig config = ListOpsConfig.of("MAX", "MED", "SUM").withMixing(Mixing.PER_EXPRESSION);
        config = config.withExpressions(config.expressions().withShape(new TreeShape(1, 2, 3, 0.3)).withContext(16)
                .withExcluded(200)).withSizes(900, 60, 60);
        return new ListOpsProvider().create(config, new TaskContext(1));
    }

    private BatchSampler sampler() {
        return new BatchSampler(task.components(), 11, BATCH, new BatchLayout(task.vocabulary().pad(), task.contextLength(), false));
    }

    /** Rows per component drawn at steps {@code from..to}, and the rows the weights predict, in {@link #names} order. */
    private record Counts(long[] observed, double[] expected) {
    }

    private Counts draw(BatchSampler sampler, Curriculum curriculum, long from, long to) {
        long[] observed = new long[names.size()];
        double[] expected = new double[names.size()];
        for (long step = from; step <= to; step++) {
            Map<String, Double> weights = curriculum.weights(step);
            double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
            for (int c = 0; c < names.size(); c++) {
                expected[c] += BATCH * weights.getOrDefault(names.get(c), 0.0) / total;
            }
            Batch batch = sampler.next(step, weights);
            for (int c : batch.components()) {
                observed[c]++;
            }
        }
        return new Counts(observed, expected);
    }

    private static double pValue(double[] expected, long[] observed) {
        return new ChiSquareTest().chiSquareTest(expected, observed);
    }

    @Test
    void theTaskHasOneComponentPerOperator() {
        assertThat(names).containsExactly("MAX", "MED", "SUM");
    }

    @Test
    void beforeTheHandOverBatchesFollowFrom() {
        Curriculum c = Curricula.of("curriculum: {type: linear, from: {MAX: 1, MED: 3}, to: [SUM], start: 100, span: 400}");
        Counts counts = draw(sampler(), c, 1, START);
        assertThat(counts.observed()[2]).as("SUM has no weight before the hand-over").isZero();
        double p = pValue(new double[] {counts.expected()[0], counts.expected()[1]},
                new long[] {counts.observed()[0], counts.observed()[1]});
        assertThat(p).as("MAX : MED = 1 : 3, p-value").isGreaterThan(0.001);
    }

    @Test
    void duringTheHandOverEachQuarterFollowsTheMovingShares() {
        Curriculum c = Curricula.of("curriculum: {type: linear, from: {MAX: 1, MED: 1}, to: [SUM], start: 100, span: 400}");
        BatchSampler sampler = sampler();
        draw(sampler, c, 1, START);
        int cells = QUARTERS * names.size();
        double[] expected = new double[cells];
        double[] constantShares = new double[cells]; // a wrong hypothesis: the hand-over's mean mixture throughout
        long[] observed = new long[cells];
        long quarter = SPAN / QUARTERS;
        for (int q = 0; q < QUARTERS; q++) {
            Counts counts = draw(sampler, c, START + 1 + q * quarter, START + (q + 1) * quarter);
            for (int k = 0; k < names.size(); k++) {
                expected[q * names.size() + k] = counts.expected()[k];
                observed[q * names.size() + k] = counts.observed()[k];
                constantShares[q * names.size() + k] = BATCH * quarter * (k == 2 ? 0.5 : 0.25);
            }
        }
        assertThat(pValue(expected, observed)).as("the linear shares, p-value").isGreaterThan(0.001);
        assertThat(pValue(constantShares, observed)).as("the test tells a constant mixture apart, p-value").isLessThan(1e-6);
    }

    @Test
    void afterTheHandOverOnlyToIsDrawn() {
        Curriculum c = Curricula.of("curriculum: {type: linear, from: {MAX: 1, MED: 1}, to: [SUM], start: 100, span: 400}");
        BatchSampler sampler = sampler();
        draw(sampler, c, 1, START + SPAN);
        Counts after = draw(sampler, c, START + SPAN + 1, START + SPAN + 50);
        assertThat(after.observed()).containsExactly(0, 0, 50L * BATCH);
    }

    @Test
    void aStagedCurriculumsBatchesFollowTheStageItIsIn() {
        Curriculum c = Curricula.of("""
                curriculum:
                  type: staged
                  stages:
                    - {curriculum: {weights: {MAX: 2, MED: 1}}, until: {step: 200}}
                    - curriculum: {weights: {MED: 1, SUM: 1}}
                """);
        BatchSampler sampler = sampler();
        Counts first = draw(sampler, c, 1, 200);
        c.observe(new org.threshold.api.curriculum.Evaluation(200, Map.of("accuracy", 0.0)));
        Counts second = draw(sampler, c, 201, 400);
        assertThat(first.observed()[2]).isZero();
        assertThat(pValue(new double[] {first.expected()[0], first.expected()[1]},
                new long[] {first.observed()[0], first.observed()[1]})).isGreaterThan(0.001);
        assertThat(second.observed()[0]).isZero();
        assertThat(pValue(new double[] {second.expected()[1], second.expected()[2]},
                new long[] {second.observed()[1], second.observed()[2]})).isGreaterThan(0.001);
    }
}
