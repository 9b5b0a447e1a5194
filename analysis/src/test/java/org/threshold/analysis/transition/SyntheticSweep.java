package org.threshold.analysis.transition;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Sweeps drawn from a known logistic curve, for tests. */
final class SyntheticSweep {

    private SyntheticSweep() {
    }

    /**
     * Runs of {@code seeds} seeds at sizes 10^from, 10^(from+step), … 10^to whose accuracy is the
     * curve plus Gaussian noise of standard deviation {@code noise}, clipped to [0, 1].
     */
    static List<RunAccuracy> fromCurve(LogisticCurve curve, double from, double to, double step, int seeds,
                                       double noise, long randomSeed) {
        SplittableRandom random = new SplittableRandom(randomSeed);
        List<RunAccuracy> runs = new ArrayList<>();
        for (int s = 1; s <= seeds; s++) {
            for (double x = from; x <= to + 1e-9; x += step) {
                double accuracy = curve.at(x) + noise * random.nextGaussian();
                runs.add(new RunAccuracy("seed=" + s, Math.round(Math.pow(10, x)), Math.min(1, Math.max(0, accuracy))));
            }
        }
        return runs;
    }

    /** Runs of one seed per accuracy row: {@code accuracies[seed][size]}. */
    static List<RunAccuracy> table(long[] sizes, double[][] accuracies) {
        List<RunAccuracy> runs = new ArrayList<>();
        for (int s = 0; s < accuracies.length; s++) {
            for (int i = 0; i < sizes.length; i++) {
                runs.add(new RunAccuracy("seed=" + (s + 1), sizes[i], accuracies[s][i]));
            }
        }
        return runs;
    }
}
