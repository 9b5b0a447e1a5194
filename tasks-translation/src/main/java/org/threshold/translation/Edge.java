package org.threshold.translation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A directed edge of the language graph with its number of training samples, e.g. A->C with 50
 * (the paper's section 3.1.3). Its name, {@code A->C}, is used in configs, component names and
 * metric names ({@code score.A->C}, {@code baseline.A->C}).
 *
 * @param from source language
 * @param to target language
 * @param samples training instances of this edge in the stream (0: tested, never trained)
 */
public record Edge(String from, String to, int samples) {

    private static final Pattern WRITTEN = Pattern.compile("\\s*([A-Za-z]+)\\s*->\\s*([A-Za-z]+)\\s*");

    public Edge {
        if (from.isBlank() || to.isBlank()) {
            throw new IllegalArgumentException("an edge needs two languages, got '" + from + "' and '" + to + "'");
        }
        if (samples < 0) {
            throw new IllegalArgumentException("edge " + from + "->" + to + " has " + samples + " samples; counts are >= 0");
        }
    }

    /** {@code A->C}. */
    public String name() {
        return from + "->" + to;
    }

    /** Reads an edge written {@code A->C} (spaces around the arrow allowed), or empty if it is not written so. */
    public static Optional<Edge> parse(String written, int samples) {
        Matcher m = WRITTEN.matcher(written);
        return m.matches() ? Optional.of(new Edge(m.group(1), m.group(2), samples)) : Optional.empty();
    }

    @Override
    public String toString() {
        return name() + ": " + samples;
    }
}
