package org.threshold.trainer.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * A place in a run file's tree, written as a sweep key: keys joined by dots, list positions in
 * brackets, a key holding a dot or a bracket in double quotes: {@code model.d},
 * {@code task.edges.A->C}, {@code curriculum.stages[1].until}, {@code task.weights."a.b"}.
 *
 * @param segments from the top of the file down; never empty
 */
public record ConfigPath(List<Segment> segments) {

    /** One step down the tree. */
    public sealed interface Segment permits Key, Position {
    }

    /** A mapping's key. */
    public record Key(String name) implements Segment {
    }

    /** A list's item, counted from 0. */
    public record Position(int index) implements Segment {
    }

    public ConfigPath {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a config path names at least one key");
        }
        if (!(segments.get(0) instanceof Key)) {
            throw new IllegalArgumentException("a config path starts with a key of the file's top level, not a list position");
        }
        segments = List.copyOf(segments);
    }

    /**
     * Reads a sweep key.
     *
     * @throws IllegalArgumentException saying what is wrong with the text, for a config problem
     */
    public static ConfigPath parse(String text) {
        List<Segment> segments = new ArrayList<>();
        int i = 0;
        int n = text.length();
        boolean expectKey = true;
        while (i < n || expectKey) {
            if (expectKey) {
                if (i >= n) {
                    throw new IllegalArgumentException("expected a key after the last dot, found the end of '" + text + "'");
                }
                if (text.charAt(i) == '"') {
                    int close = text.indexOf('"', i + 1);
                    if (close < 0) {
                        throw new IllegalArgumentException("expected a closing \" in '" + text + "'");
                    }
                    segments.add(new Key(text.substring(i + 1, close)));
                    i = close + 1;
                } else {
                    int start = i;
                    while (i < n && ".[]\"".indexOf(text.charAt(i)) < 0) {
                        i++;
                    }
                    if (i == start) {
                        throw new IllegalArgumentException("expected a key at position " + (start + 1) + " of '" + text
                                + "', found '" + text.charAt(start) + "' (keys are joined by single dots)");
                    }
                    segments.add(new Key(text.substring(start, i)));
                }
                expectKey = false;
            } else if (text.charAt(i) == '[') {
                int close = text.indexOf(']', i);
                String digits = close < 0 ? "" : text.substring(i + 1, close);
                if (!digits.matches("\\d{1,9}")) {
                    throw new IllegalArgumentException("expected a list position like [0] in '" + text + "'");
                }
                segments.add(new Position(Integer.parseInt(digits)));
                i = close + 1;
            } else if (text.charAt(i) == '.') {
                i++;
                expectKey = true;
            } else {
                throw new IllegalArgumentException("expected a dot or [ after a key at position " + (i + 1) + " of '"
                        + text + "', found '" + text.charAt(i) + "'");
            }
        }
        return new ConfigPath(segments);
    }

    /** The top-level key, e.g. {@code model} for {@code model.d}. */
    public String top() {
        return ((Key) segments.get(0)).name();
    }

    /** The first {@code count} segments. */
    public ConfigPath prefix(int count) {
        return new ConfigPath(segments.subList(0, count));
    }

    /** Whether this path is {@code other} or lies under it. */
    public boolean startsWith(ConfigPath other) {
        return segments.size() >= other.segments.size() && segments.subList(0, other.segments.size()).equals(other.segments);
    }

    /** The path written back as a sweep key (quotes only where a key needs them). */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Segment segment : segments) {
            if (segment instanceof Key key) {
                if (text.length() > 0) {
                    text.append('.');
                }
                boolean quote = key.name().isEmpty() || key.name().chars().anyMatch(c -> ".[]".indexOf(c) >= 0);
                text.append(quote ? "\"" + key.name() + "\"" : key.name());
            } else {
                text.append('[').append(((Position) segment).index()).append(']');
            }
        }
        return text.toString();
    }
}
