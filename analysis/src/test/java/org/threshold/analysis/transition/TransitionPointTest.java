package org.threshold.analysis.transition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransitionPointTest {

    @Test
    void describeGivesTheValueAndItsInterval() {
        BootstrapInterval ci = new BootstrapInterval(0.95, new TransitionEstimate.Located(27_000),
                new TransitionEstimate.Located(36_500), 1000, 1000, 0, 0, 0, Collections.nCopies(1000, 4.5));
        TransitionPoint point = new TransitionPoint("SUM", 0.5, List.of(), List.of(new SizeTally(4_000, 1, 0, 0.1)),
                Optional.empty(), new TransitionEstimate.Located(31_200), Optional.of(ci), false, List.of());

        assertThat(point.describe()).isEqualTo("31.2k parameters (95% CI 27.0k–36.5k)");
        assertThat(point.figures()).containsEntry("transition_parameters", 31_200.0)
                .containsEntry("ci_lower", 27_000.0).containsEntry("ci_upper", 36_500.0);
    }

    @Test
    void anIntervalWithBoundEndpointsSaysHowManyResamplesCrossed() {
        BootstrapInterval ci = new BootstrapInterval(0.95, new TransitionEstimate.Bounded(Side.BELOW, 4_100, "bootstrap"),
                new TransitionEstimate.Bounded(Side.ABOVE, 53_000, "bootstrap"), 10, 6, 2, 1, 1,
                List.of(4.0, 4.1, 4.2, 4.3, 4.4, 4.5, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY,
                        Double.POSITIVE_INFINITY, Double.NaN));

        assertThat(ci.describe()).isEqualTo("95% CI <4.1k–>53.0k");
        assertThat(ci.crossingSummary(0.5)).isEqualTo("6 of 10 bootstrap fits crossed 50% within the measured sizes "
                + "(2 below them, 1 above them or never, 1 could not be fitted)");
    }
}
