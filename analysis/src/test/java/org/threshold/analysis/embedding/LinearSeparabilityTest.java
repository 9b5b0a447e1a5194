package org.threshold.analysis.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinearSeparabilityTest {

    @Test
    void oneDimensionFindsTheBestThresholdInEitherOrientation() {
        double[] values = {0.1, 0.2, 0.3, 0.4, 0.5};
        boolean[][] labels = {
            {true, true, false, false, false},   // separable, positives below: 5/5
            {false, true, false, true, false},   // alternating: best cut gets 3/5
        };

        double[] best = LinearSeparability.oneDimension(values, labels);

        assertThat(best).containsExactly(1.0, 0.6);
    }

    @Test
    void tiedValuesCannotBeSplitByAThreshold() {
        double[] values = {1, 1, 2};
        boolean[][] labels = {{true, false, false}};

        // Cuts only below 1, between 1 and 2, above 2: best is 2 of 3.
        assertThat(LinearSeparability.oneDimension(values, labels)).containsExactly(2.0 / 3);
    }

    @Test
    void twoDimensionsSeparateXorOnlyPartly() {
        // XOR: the four corners with diagonal classes; no line gets all four, the best gets 3.
        double[] x = {0, 1, 0, 1};
        double[] y = {0, 0, 1, 1};
        boolean[][] xor = {{true, false, false, true}};
        // A diagonal split (only the point (1,1) positive) is linearly separable.
        boolean[][] corner = {{false, false, false, true}};

        assertThat(LinearSeparability.twoDimensions(x, y, xor)).containsExactly(0.75);
        assertThat(LinearSeparability.twoDimensions(x, y, corner)).containsExactly(1.0);
    }

    @Test
    void twoDimensionsFindAnObliqueSeparatingLine() {
        // Classes split by the line y = x: neither axis alone separates them, the diagonal does.
        double[] x = {0.0, 1.0, 2.0, 3.0, 0.5, 1.5, 2.5, 3.5};
        double[] y = {0.5, 1.5, 2.5, 3.5, 0.0, 1.0, 2.0, 3.0};
        boolean[][] above = {{true, true, true, true, false, false, false, false}};

        assertThat(LinearSeparability.oneDimension(x, above)[0]).isLessThan(1.0);
        assertThat(LinearSeparability.twoDimensions(x, y, above)).containsExactly(1.0);
    }
}
