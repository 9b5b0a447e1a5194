package org.threshold.api.sweep;

import java.time.Duration;

/** Durations as a progress line shows them: 45s, 3m07s, 2h05m. */
public final class Durations {

    private Durations() {
    }

    public static String format(Duration duration) {
        long seconds = Math.max(0, Math.round(duration.toMillis() / 1000.0));
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + String.format("%02d", seconds % 60) + "s";
        }
        return seconds / 3600 + "h" + String.format("%02d", seconds % 3600 / 60) + "m";
    }
}
