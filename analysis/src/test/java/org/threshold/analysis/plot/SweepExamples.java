package org.threshold.analysis.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.threshold.analysis.transition.LogisticCurve;
import org.threshold.analysis.transition.RunAccuracy;
import org.threshold.analysis.transition.TransitionAnalysis;
import org.threshold.analysis.transition.TransitionPoint;
import org.threshold.analysis.transition.TransitionSettings;

/** Transition points of synthetic sweeps, one of each kind a figure must draw. */
final class SweepExamples {

    private static final long[] SIZES = {4_100, 7_300, 11_500, 16_500, 29_000, 45_000};

    private SweepExamples() {
    }

    /** A located transition near 10^midpoint parameters. */
    static TransitionPoint located(String mixture, double midpoint) {
        return analyze(mixture, new LogisticCurve(0.1, 0.98, 8, midpoint));
    }

    /** Every run below 50%: a bound above the largest size. */
    static TransitionPoint neverLearned(String mixture) {
        return analyze(mixture, new LogisticCurve(0.05, 0.3, 8, 4.0));
    }

    private static TransitionPoint analyze(String mixture, LogisticCurve curve) {
        SplittableRandom random = new SplittableRandom(mixture.hashCode());
        List<RunAccuracy> runs = new ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            for (long size : SIZES) {
                double accuracy = curve.atParameters(size) + 0.05 * random.nextGaussian();
                runs.add(new RunAccuracy("seed=" + seed, size, Math.min(1, Math.max(0, accuracy))));
            }
        }
        return new TransitionAnalysis(TransitionSettings.defaults().withResamples(50)).analyze(mixture, runs);
    }
}
