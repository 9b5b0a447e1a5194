package org.threshold.trainer.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigException;
import org.threshold.api.curriculum.Curriculum;
import org.threshold.testkit.ContractCurriculumContext;

class ConstantCurriculumTest {

    private final ConstantCurriculumProvider provider = new ConstantCurriculumProvider();
    private final ContractCurriculumContext context;

    ConstantCurriculumTest() {
        Map<String, Double> own = new LinkedHashMap<>();
        own.put("MAX", 1.0);
        own.put("MED", 1.0);
        own.put("SUM", 3.0);
        context = new ContractCurriculumContext(own);
    }

    private Curriculum curriculum(String yaml) {
        ConfigDocument doc = ConfigDocument.parse(yaml, "run.yaml");
        ConstantCurriculumProvider.Config config = provider.config(doc.root().section("curriculum"), context);
        doc.check();
        return provider.create(config, context);
    }

    @Test
    void withoutWeightsTheTasksOwnWeightsAreUsedAtEveryStep() {
        Curriculum c = curriculum("curriculum: {}");
        assertThat(c.weights(0)).containsExactly(Map.entry("MAX", 1.0), Map.entry("MED", 1.0), Map.entry("SUM", 3.0));
        assertThat(c.weights(50_000)).isEqualTo(c.weights(0));
        assertThat(c.stage().name()).isEqualTo("MAX+MED+SUM");
        assertThat(c.stage().last()).isTrue();
    }

    @Test
    void givenWeightsKeepTheTasksComponentOrderAndLeaveOthersAtZero() {
        Curriculum c = curriculum("curriculum: {weights: {SUM: 1, MAX: 2}}");
        assertThat(c.weights(0)).containsExactly(Map.entry("MAX", 2.0), Map.entry("SUM", 1.0));
        assertThat(c.stage().name()).isEqualTo("MAX+SUM");
    }

    @Test
    void aListOfNamesWeighsEachOne() {
        assertThat(curriculum("curriculum: {weights: [MED]}").weights(7)).containsExactly(Map.entry("MED", 1.0));
    }

    @Test
    void theResolvedConfigShowsTheWeightsUsed() {
        ConfigDocument doc = ConfigDocument.parse("curriculum: {}", "run.yaml");
        provider.config(doc.root().section("curriculum"), context);
        doc.check();
        assertThat(doc.resolvedYaml()).isEqualTo("curriculum:\n  weights:\n    MAX: 1.0\n    MED: 1.0\n    SUM: 3.0\n");
    }

    @Test
    void anUnknownComponentIsReportedWhereItIsWrittenWithDidYouMean() {
        assertThatThrownBy(() -> curriculum("curriculum:\n  weights: {MAX: 1, SUMM: 1}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("run.yaml:2:21: curriculum.weights.SUMM: expected one of MAX, MED, SUM, found 'SUMM'"
                        + " (did you mean 'SUM'?)");
    }

    @Test
    void boundWithoutTheTaskAnUnknownComponentIsRefusedWhenCreated() {
        ConfigDocument doc = ConfigDocument.parse("weights: [MIN]", "run.yaml");
        ConstantCurriculumProvider.Config config = provider.config(doc.root());
        doc.check();
        assertThatThrownBy(() -> provider.create(config, context)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the constant curriculum weights 'MIN', which is not a component of the task (MAX, MED, SUM)");
    }
}
