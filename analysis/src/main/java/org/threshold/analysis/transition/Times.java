package org.threshold.analysis.transition;

import java.util.Locale;

/** Ratios as "3.42×": three significant digits. */
final class Times {

    private Times() {
    }

    static String format(double ratio) {
        return String.format(Locale.ROOT, ratio >= 100 ? "%.0f×" : "%.3g×", ratio);
    }
}
