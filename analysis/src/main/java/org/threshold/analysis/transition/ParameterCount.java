package org.threshold.analysis.transition;

import java.util.Locale;

/** Parameter counts as a researcher writes them: 950, 4.1k, 31.2k, 153k, 1.2M. */
public final class ParameterCount {

    private ParameterCount() {
    }

    /**
     * One decimal below 100 of a unit, none above, so two counts a grid step apart stay
     * distinguishable without printing noise digits.
     */
    public static String format(double parameters) {
        if (Double.isNaN(parameters) || Double.isInfinite(parameters)) {
            return String.valueOf(parameters);
        }
        double magnitude = Math.abs(parameters);
        if (magnitude < 999.5) {
            return String.format(Locale.ROOT, "%.0f", parameters);
        }
        if (magnitude < 999_950) {
            return scaled(parameters / 1e3, "k");
        }
        if (magnitude < 999_950_000) {
            return scaled(parameters / 1e6, "M");
        }
        return scaled(parameters / 1e9, "G");
    }

    private static String scaled(double value, String unit) {
        String digits = Math.abs(value) < 99.95
                ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.0f", value);
        return digits + unit;
    }
}
