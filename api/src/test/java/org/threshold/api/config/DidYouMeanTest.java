package org.threshold.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    @Test
    void swappedNeighbouringLettersCostOneEdit() {
        assertThat(DidYouMean.distance("stpes", "steps")).isEqualTo(1);
        assertThat(DidYouMean.distance("modulos", "modulus")).isEqualTo(1);
        assertThat(DidYouMean.distance("abc", "abc")).isZero();
        assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
    }

    @Test
    void suggestsTheClosestNameWithinTheCutoff() {
        List<String> keys = List.of("steps", "epochs", "batch", "lr", "min_lr");
        assertThat(DidYouMean.closest("stpes", keys)).contains("steps");
        assertThat(DidYouMean.closest("Batch", keys)).contains("batch");
        assertThat(DidYouMean.closest("min-lr", keys)).contains("min_lr");
        assertThat(DidYouMean.hint("epoch", keys)).isEqualTo(" (did you mean 'epochs'?)");
    }

    @Test
    void farMissesGetNoSuggestion() {
        List<String> keys = List.of("steps", "epochs", "batch");
        assertThat(DidYouMean.closest("temperature", keys)).isEmpty();
        assertThat(DidYouMean.closest("xy", List.of("lr"))).isEmpty();
        assertThat(DidYouMean.hint("temperature", keys)).isEmpty();
    }

    @Test
    void cutoffGrowsWithTheLengthOfTheWord() {
        assertThat(DidYouMean.cutoff(3)).isEqualTo(1);
        assertThat(DidYouMean.cutoff(7)).isEqualTo(2);
        assertThat(DidYouMean.cutoff(12)).isEqualTo(3);
        assertThat(DidYouMean.closest("gpuu", List.of("auto", "cpu", "gpu"))).contains("gpu");
        assertThat(DidYouMean.closest("lisstopps", List.of("listops"))).contains("listops");
    }
}
