package org.threshold.analysis.transition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TransitionRatioTest {

    @Test
    void twoValuesGiveTheirQuotient() {
        TransitionRatio ratio = TransitionRatio.of(point("SUM", located(42_000)), point("ALL3", located(14_000)));

        assertThat(ratio).isInstanceOf(TransitionRatio.Value.class);
        assertThat(((TransitionRatio.Value) ratio).ratio()).isCloseTo(3.0, within(1e-12));
        assertThat(ratio.describe()).isEqualTo("SUM / ALL3: 3.00×");
    }

    @Test
    void aLowerBoundOnTheNumeratorGivesALowerBoundOnTheRatio() {
        TransitionRatio ratio = TransitionRatio.of(point("SUM", bound(Side.ABOVE, 53_000)), point("ALL3", located(14_000)));

        assertThat(ratio).isInstanceOf(TransitionRatio.Bound.class);
        TransitionRatio.Bound bound = (TransitionRatio.Bound) ratio;
        assertThat(bound.side()).isEqualTo(Side.ABOVE);
        // 53,000 / 14,000 = 3.7857
        assertThat(bound.ratio()).isCloseTo(3.7857, within(1e-4));
        assertThat(ratio.describe()).isEqualTo("SUM / ALL3: above 3.79× (SUM is above 53.0k, ALL3 is 14.0k parameters)");
    }

    @Test
    void anUpperBoundOnTheDenominatorAlsoGivesALowerBoundOnTheRatio() {
        TransitionRatio ratio = TransitionRatio.of(point("SUM", located(30_000)), point("ALL3", bound(Side.BELOW, 4_000)));

        assertThat(((TransitionRatio.Bound) ratio).side()).isEqualTo(Side.ABOVE);
        assertThat(((TransitionRatio.Bound) ratio).ratio()).isCloseTo(7.5, within(1e-12));
    }

    @Test
    void boundsThatAgreeForTheRatioGiveABound() {
        // SUM > 53k and ALL3 < 4k: SUM/ALL3 > 53/4 = 13.25.
        TransitionRatio ratio = TransitionRatio.of(point("SUM", bound(Side.ABOVE, 53_000)), point("ALL3", bound(Side.BELOW, 4_000)));

        assertThat(ratio).isInstanceOf(TransitionRatio.Bound.class);
        assertThat(((TransitionRatio.Bound) ratio).ratio()).isCloseTo(13.25, within(1e-12));
    }

    @Test
    void boundsInOppositeDirectionsGiveUnknown() {
        TransitionRatio bothAbove = TransitionRatio.of(point("SUM", bound(Side.ABOVE, 53_000)), point("ALL3", bound(Side.ABOVE, 53_000)));
        TransitionRatio wrongWay = TransitionRatio.of(point("SUM", bound(Side.BELOW, 4_000)), point("ALL3", bound(Side.BELOW, 4_000)));

        assertThat(bothAbove).isInstanceOf(TransitionRatio.Unknown.class);
        assertThat(bothAbove.describe()).contains("opposite directions");
        assertThat(wrongWay).isInstanceOf(TransitionRatio.Unknown.class);
    }

    @Test
    void anUndeterminedPointGivesUnknownWithItsReason() {
        TransitionRatio ratio = TransitionRatio.of(point("SUM", new TransitionEstimate.Undetermined("no crossing: levels off at 43%")),
                point("ALL3", located(14_000)));

        assertThat(ratio.describe()).isEqualTo("SUM / ALL3: unknown (SUM: no crossing: levels off at 43%)");
    }

    @Test
    void pairedResamplesGiveTheRatioAnInterval() {
        // Resample i of SUM crosses at 10^(4.5 + i/100), of ALL3 at 10^4: log10 ratios 0.50 … 0.59,
        // so the nearest-rank 2.5% and 97.5% points of ten are the 1st and 10th: 10^0.5 and 10^0.59.
        List<Double> sum = IntStream.range(0, 10).mapToObj(i -> 4.5 + i / 100.0).toList();
        List<Double> all3 = Collections.nCopies(10, 4.0);
        TransitionPoint a = withInterval(point("SUM", located(Math.pow(10, 4.545))), sum);
        TransitionPoint b = withInterval(point("ALL3", located(1e4)), all3);

        TransitionRatio.Value ratio = (TransitionRatio.Value) TransitionRatio.of(a, b);

        TransitionRatio.RatioInterval ci = ratio.interval().orElseThrow();
        assertThat(ci.lower()).isCloseTo(Math.pow(10, 0.50), within(1e-9));
        assertThat(ci.upper()).isCloseTo(Math.pow(10, 0.59), within(1e-9));
        assertThat(ratio.describe()).isEqualTo("SUM / ALL3: 3.51× (95% CI 3.16×–3.89×)");
    }

    private static TransitionEstimate located(double parameters) {
        return new TransitionEstimate.Located(parameters);
    }

    private static TransitionEstimate bound(Side side, double parameters) {
        return new TransitionEstimate.Bounded(side, parameters, "test");
    }

    private static TransitionPoint point(String mixture, TransitionEstimate estimate) {
        return new TransitionPoint(mixture, 0.5, List.of(), List.of(new SizeTally(4_000, 1, 0, 0.1)), Optional.empty(),
                estimate, Optional.empty(), false, List.of());
    }

    private static TransitionPoint withInterval(TransitionPoint p, List<Double> crossings) {
        double lo = crossings.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double hi = crossings.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        BootstrapInterval ci = new BootstrapInterval(0.95, located(Math.pow(10, lo)), located(Math.pow(10, hi)),
                crossings.size(), crossings.size(), 0, 0, 0, crossings);
        return new TransitionPoint(p.mixture(), p.threshold(), p.runs(), p.tallies(), p.fit(), p.estimate(),
                Optional.of(ci), false, List.of());
    }
}
