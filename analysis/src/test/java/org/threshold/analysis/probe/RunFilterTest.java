package org.threshold.analysis.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigException;
import org.threshold.api.probe.TrainedRun;

class RunFilterTest {

    private static final List<TrainedRun> RUNS = List.of(
            FakeRun.of("mixed-1", "MAX+MED+SUM", 0.95), FakeRun.of("mixed-2", "MAX+MED+SUM", 0.40),
            FakeRun.of("sum-1", "SUM", 0.62), FakeRun.of("sum-2", "SUM", 0.15), FakeRun.of("sum-3", "SUM", 0.55));

    private static RunFilter bind(String yaml) {
        ConfigDocument doc = ConfigDocument.parse(yaml, "probe.yaml");
        RunFilter filter = RunFilter.bind(doc.root(), 0);
        doc.check();
        return filter;
    }

    @Test
    void aGroupIsTheRunsOfItsMixtureAtOrAboveTheAccuracy() {
        RunGroup group = bind("{mixture: MAX+MED+SUM, min_accuracy: 0.9}").select(RUNS);
        assertThat(group.runs()).extracting(TrainedRun::id).containsExactly("mixed-1");
        assertThat(group.fallback()).isFalse();
        assertThat(group.notes()).isEmpty();
        assertThat(group.name()).isEqualTo("MAX+MED+SUM, test_accuracy ≥ 0.9");
    }

    @Test
    void anEmptyGroupIsFilledByItsBestRunsAndSaysSo() {
        RunGroup group = bind("{name: SUM, mixture: SUM, min_accuracy: 0.9, fallback_best: 2}").select(RUNS);
        assertThat(group.runs()).extracting(TrainedRun::id).containsExactly("sum-1", "sum-3");
        assertThat(group.fallback()).isTrue();
        assertThat(group.notes()).containsExactly(
                "group SUM: no run has test_accuracy ≥ 0.9; shown instead: the best 2 of 3 runs (test_accuracy 0.62, 0.55)");
        assertThat(group.title()).isEqualTo("SUM (best 2 runs, none reached the filter)");
    }

    @Test
    void withoutAFallbackAnEmptyGroupStaysEmptyAndSaysWhatToSet() {
        RunGroup group = bind("{mixture: SUM, min_accuracy: 0.9}").select(RUNS);
        assertThat(group.isEmpty()).isTrue();
        assertThat(group.notes()).singleElement().asString()
                .contains("no run has test_accuracy ≥ 0.9 (best 0.62); set fallback_best to use the best runs instead");
    }

    @Test
    void labelsAndAnUnknownMixtureNarrowTheGroupAndAreNamed() {
        assertThat(bind("{labels: {seed: 2}}").select(RUNS).runs()).extracting(TrainedRun::id).containsExactly("mixed-2", "sum-2");
        RunGroup none = bind("{mixture: PROD}").select(RUNS);
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.notes()).containsExactly("group PROD: none of the 5 runs matches mixture PROD (mixtures present: "
                + "MAX+MED+SUM, SUM)");
    }

    @Test
    void aRunWithoutTheMetricIsLeftOutAndCounted() {
        List<TrainedRun> runs = List.of(FakeRun.of("a-1", "SUM", 0.95), new FakeRun("b-2", Map.of("mixture", "SUM"), Map.of()));
        RunGroup group = bind("{mixture: SUM, min_accuracy: 0.5}").select(runs);
        assertThat(group.runs()).extracting(TrainedRun::id).containsExactly("a-1");
        assertThat(group.notes()).containsExactly("group SUM, test_accuracy ≥ 0.5: 1 of 2 runs have no test_accuracy in "
                + "result.json and are left out");
    }

    @Test
    void badGroupKeysAreNamed() {
        ConfigDocument doc = ConfigDocument.parse("{min_accuracy: 1.5, fallback_best: -1, labels: [1], mixtur: SUM}", "probe.yaml");
        RunFilter.bind(doc.root(), 0);
        org.assertj.core.api.Assertions.assertThatThrownBy(doc::check).isInstanceOf(ConfigException.class)
                .hasMessageContaining("min_accuracy: expected a number from 0 to 1, found '1.5'")
                .hasMessageContaining("fallback_best: expected an integer from 0 to 10000, found '-1'")
                .hasMessageContaining("labels: expected a mapping of labels to values")
                .hasMessageContaining("mixtur").hasMessageContaining("did you mean 'mixture'");
    }
}
