package org.threshold.analysis.transition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogisticFitterTest {

    private final LogisticFitter fitter = new LogisticFitter();

    @Test
    void fitRecoversTheParametersOfNoiseFreeData() {
        LogisticCurve truth = new LogisticCurve(0.1, 0.95, 6.0, 4.3);
        List<RunAccuracy> runs = SyntheticSweep.fromCurve(truth, 3.5, 5.0, 0.1, 1, 0.0, 1);

        LogisticFit fit = fit(runs);

        assertThat(fit.curve().lo()).isCloseTo(0.1, within(1e-5));
        assertThat(fit.curve().hi()).isCloseTo(0.95, within(1e-5));
        assertThat(fit.curve().k()).isCloseTo(6.0, within(1e-3));
        assertThat(fit.curve().x0()).isCloseTo(4.3, within(1e-5));
        assertThat(fit.steepnessAtBound()).isFalse();
    }

    @Test
    void fitKeepsLevelsInsideZeroAndOne() {
        // Runs at exactly 0 and 1 with a sharp rise: an unconstrained fit overshoots past 1.
        List<RunAccuracy> runs = SyntheticSweep.table(new long[] {1000, 2000, 4000, 8000, 16000},
                new double[][] {{0, 0, 0.6, 1, 1}, {0, 0.1, 0.9, 1, 1}});

        LogisticFit fit = fit(runs);

        assertThat(fit.curve().lo()).isBetween(0.0, 1.0);
        assertThat(fit.curve().hi()).isBetween(fit.curve().lo(), 1.0);
        assertThat(fit.curve().k()).isPositive();
    }

    @Test
    void aStepInTheDataPutsTheSteepnessAtItsBound() {
        List<RunAccuracy> runs = SyntheticSweep.table(new long[] {1000, 2000, 4000, 8000},
                new double[][] {{0, 0, 1, 1}, {0, 0, 1, 1}});

        LogisticFit fit = fit(runs);

        assertThat(fit.steepnessAtBound()).isTrue();
        assertThat(fit.residualSumOfSquares()).isLessThan(1e-6);
        // The step lies between 2000 and 4000, i.e. x0 between 3.301 and 3.602.
        assertThat(fit.curve().x0()).isBetween(Math.log10(2000), Math.log10(4000));
    }

    @Test
    void aSingleSizeCannotBeFitted() {
        assertThatThrownBy(() -> fitter.fit(new double[] {3, 3}, new double[] {0.1, 0.9}))
                .hasMessageContaining("at least two different sizes");
    }

    private LogisticFit fit(List<RunAccuracy> runs) {
        double[] x = runs.stream().mapToDouble(RunAccuracy::log10Parameters).toArray();
        double[] y = runs.stream().mapToDouble(RunAccuracy::accuracy).toArray();
        return fitter.fit(x, y).orElseThrow();
    }
}
