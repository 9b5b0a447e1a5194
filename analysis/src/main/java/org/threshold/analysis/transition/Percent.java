package org.threshold.analysis.transition;

import java.util.Locale;

/** Accuracies as percentages, without noise digits: 50%, 62.5%. */
final class Percent {

    private Percent() {
    }

    static String format(double fraction) {
        double percent = fraction * 100;
        if (Math.abs(percent - Math.rint(percent)) < 1e-9) {
            return String.format(Locale.ROOT, "%.0f%%", percent);
        }
        return String.format(Locale.ROOT, "%.1f%%", percent);
    }
}
