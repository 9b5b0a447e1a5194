package org.threshold.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threshold.api.Plugin;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.curriculum.Curriculum;
import org.threshold.api.curriculum.CurriculumProvider;
import org.threshold.api.curriculum.Evaluation;
import org.threshold.api.curriculum.Stage;

/**
 * The contract every {@link CurriculumProvider} passes: at every step the weights are finite,
 * non-negative, at least one positive and over the task's components only; the same config gives
 * the same weights (also after the same evaluations); a restored state continues exactly.
 *
 * <p>The contract drives the curriculum through {@link #steps()}, showing it an evaluation after
 * each where every component's accuracy is {@link #accuracy(long)}, so staged curricula move on.
 *
 * @param <C> the curriculum's config record
 */
public abstract class CurriculumProviderContract<C> extends PluginContract<C> {

    protected abstract CurriculumProvider<C> provider();

    /** The task's components with their own weights, as the snippet expects them. */
    protected Map<String, Double> components() {
        Map<String, Double> components = new LinkedHashMap<>();
        components.put("MAX", 1.0);
        components.put("MED", 1.0);
        components.put("SUM", 1.0);
        return components;
    }

    /** The steps at which weights are asked for, ascending. */
    protected List<Long> steps() {
        return List.of(0L, 1L, 10L, 100L, 250L, 1_000L, 2_000L, 5_000L, 10_000L, 20_000L, 100_000L);
    }

    /** The accuracy of every component in the evaluation after {@code step}: rising to 1. */
    protected double accuracy(long step) {
        return Math.min(1.0, step / 5_000.0);
    }

    @Override
    protected final Plugin plugin() {
        return provider();
    }

    @Override
    protected final C bind(ConfigSection section) {
        return provider().config(section, context());
    }

    protected final ContractCurriculumContext context() {
        return new ContractCurriculumContext(components());
    }

    protected final Curriculum created() {
        ConfigDocument doc = ConfigDocument.parse(config(), "contract.yaml");
        ContractCurriculumContext context = context();
        C config = provider().config(doc.root(), context);
        Curriculum curriculum = provider().create(config, context);
        doc.check();
        return curriculum;
    }

    @Test
    void weightsAreValidAtEveryStep() {
        Curriculum curriculum = created();
        for (long step : steps()) {
            Map<String, Double> weights = curriculum.weights(step);
            assertThat(components()).as("components of the task").containsKeys(weights.keySet().toArray(String[]::new));
            assertThat(weights.values()).as("weights at step %d", step)
                    .allSatisfy(w -> assertThat(w).isFinite().isGreaterThanOrEqualTo(0.0))
                    .anySatisfy(w -> assertThat(w).isPositive());
            Stage stage = curriculum.stage();
            assertThat(stage.index()).isNotNegative();
            assertThat(stage.name()).isNotBlank();
            curriculum.observe(evaluation(step));
        }
    }

    @Test
    void sameConfigGivesTheSameWeightsAndStages() {
        assertThat(trace(created(), steps())).isEqualTo(trace(created(), steps()));
    }

    @Test
    void aRestoredStateContinuesExactly() {
        List<Long> steps = steps();
        // A checkpoint may be taken after any evaluation, so restore at every point of the run.
        for (int split = 1; split < steps.size(); split++) {
            Curriculum original = created();
            trace(original, steps.subList(0, split));
            Curriculum restored = created();
            restored.restore(original.state());
            assertThat(trace(restored, steps.subList(split, steps.size())))
                    .as("weights and stages after restoring the state saved after step %d", steps.get(split - 1))
                    .isEqualTo(trace(original, steps.subList(split, steps.size())));
        }
    }

    private List<String> trace(Curriculum curriculum, List<Long> steps) {
        List<String> out = new ArrayList<>();
        for (long step : steps) {
            out.add(step + " " + curriculum.weights(step) + " " + curriculum.stage() + " " + curriculum.startFrom());
            curriculum.observe(evaluation(step));
        }
        return out;
    }

    private Evaluation evaluation(long step) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        double accuracy = accuracy(step);
        metrics.put("accuracy", accuracy);
        metrics.put("loss", 1.0 - accuracy);
        components().keySet().forEach(c -> metrics.put("accuracy." + c, accuracy));
        return new Evaluation(step, metrics);
    }
}
