package org.threshold.api.task;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A task's data, ready for training: a vocabulary, training components, test prompts and a
 * scorer. Plain Java: a third party can generate, tokenize and score data with {@code api} and
 * one task module alone.
 *
 * <p>Everything a task returns is deterministic in its config and {@link TaskContext#seed()}.
 */
public interface Task {

    Vocabulary vocabulary();

    /**
     * The longest token sequence the model must read: every training example has at most this
     * many tokens, and generation keeps the last this-many tokens when a sequence grows longer.
     * It is the number of position embeddings a model needs.
     */
    int contextLength();

    /** The training components with the task's own weights; at least one. */
    List<Component> components();

    /**
     * The test prompt sets; the first is the headline set (empty name). Sets marked
     * {@link EvalSet#finalOnly()} are scored by a run's last evaluation only.
     */
    List<EvalSet> evalSets();

    Scorer scorer();

    /** The token that ends a completion, if generation stops at one. */
    OptionalInt stopToken();

    /**
     * The metric a run reports as its headline ({@code test_accuracy} in result.json) unless the
     * config names another, e.g. {@code accuracy}.
     */
    default String headlineMetric() {
        return evalSets().get(0).metricName(scorer().metrics().get(0));
    }

    /**
     * Figures known without training, reported beside the scores: chance levels, memorization
     * baselines, how many generated examples were rejected. Names follow the metric naming
     * ({@code chance.OP_TOP}, {@code baseline.A->C}).
     */
    default Map<String, Double> figures() {
        return Map.of();
    }

    /**
     * Optional capability: the published protocol a test set follows (AdderBoard for addition's
     * {@code adderboard} set), so that {@code threshold eval} reports it as that protocol does.
     * Empty, the default, for a set that follows none.
     *
     * @param set the set's name, as in {@link EvalSet#name()}
     */
    default Optional<Protocol> protocol(String set) {
        return Optional.empty();
    }

    /**
     * Optional capability: the training phases the task names, each the first evaluation step at
     * which one of its metrics reaches a level (assign-add's {@code phase.direct} …
     * {@code phase.lookup.held_out}: accuracy 0.9 on each test set, SPEC section 8). The trainer
     * writes the steps reached into result.json ({@code phases}) and the run's summary, knowing
     * nothing of the task. Empty, the default, for a task that names none.
     */
    default List<Phase> phases() {
        return List.of();
    }

    /**
     * Optional capability: the direct and routed prompts of modular sums, for a task that asks a sum
     * both ways (assign-add, SPEC section 8), so that the {@code component-reuse} probe can compare
     * what a model computes for each. Empty, the default, for a task that does not.
     */
    default Optional<SumPrompts> sumPrompts() {
        return Optional.empty();
    }

    /**
     * Whether training counts only each example's completion (its targets from
     * {@link Example#completionStart()}) when the run's config does not choose
     * ({@code training.loss}). False, the default: every non-pad token counts (SPEC section 6). A
     * task whose prompts are random givens, such as addition's operands, says true: predicting them
     * is noise no model can learn, and it only dilutes the answer's gradient.
     */
    default boolean completionLossByDefault() {
        return false;
    }

    /** One line describing the task as configured, e.g. "ListOps mod 10, MAX+MED+SUM within, depth 2, CoT". */
    String describe();
}
