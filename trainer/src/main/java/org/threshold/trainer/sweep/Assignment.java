package org.threshold.trainer.sweep;

import java.util.ArrayList;
import java.util.List;
import org.threshold.api.config.ConfigNode;
import org.threshold.api.config.Mark;

/**
 * One value a sweep puts into a run file: the subtree at {@code path} is replaced by
 * {@code value} before the file is bound, so every grid point passes through the same binder as
 * a run file and its problems point at the value in the sweep section.
 *
 * <p>Keys the path names that the file does not have are created (a grid over a key left at its
 * default); a path that runs into a scalar, into a list by key, or past the end of a list cannot
 * be applied and is an error.
 *
 * @param path where the value goes
 * @param value the value as written in the sweep section (any YAML: a scalar, a list, a mapping)
 * @param sweepKey the sweep key that asked for it, for messages ({@code sweep.grid.model.d})
 * @param keyMark where that key is written; created keys carry it
 */
public record Assignment(ConfigPath path, ConfigNode value, String sweepKey, Mark keyMark) {

    /**
     * The tree with the value in place.
     *
     * @throws IllegalArgumentException when the path cannot be followed, saying where it stops
     */
    public ConfigNode applyTo(ConfigNode root) {
        return set(root, 0);
    }

    private ConfigNode set(ConfigNode node, int depth) {
        List<ConfigPath.Segment> segments = path.segments();
        if (depth == segments.size()) {
            return value;
        }
        ConfigPath.Segment segment = segments.get(depth);
        if (segment instanceof ConfigPath.Key key) {
            if (node instanceof ConfigNode.Mapping mapping) {
                return withEntry(mapping, key.name(), depth);
            }
            if (node instanceof ConfigNode.Scalar scalar && scalar.isNull()) {
                return withEntry(new ConfigNode.Mapping(List.of(), scalar.mark()), key.name(), depth);
            }
            throw cannotFollow(depth, "a key", node);
        }
        int index = ((ConfigPath.Position) segment).index();
        if (!(node instanceof ConfigNode.Sequence sequence)) {
            throw cannotFollow(depth, "a list", node);
        }
        if (index >= sequence.items().size()) {
            throw new IllegalArgumentException("cannot set " + path + ": " + where(depth) + " has "
                    + sequence.items().size() + " items (positions 0 to " + (sequence.items().size() - 1) + "), at "
                    + sequence.mark());
        }
        List<ConfigNode> items = new ArrayList<>(sequence.items());
        items.set(index, set(items.get(index), depth + 1));
        return new ConfigNode.Sequence(items, sequence.mark());
    }

    private ConfigNode.Mapping withEntry(ConfigNode.Mapping mapping, String key, int depth) {
        List<ConfigNode.Entry> entries = new ArrayList<>(mapping.entries());
        for (int i = 0; i < entries.size(); i++) {
            ConfigNode.Entry e = entries.get(i);
            if (e.key().equals(key)) {
                entries.set(i, new ConfigNode.Entry(key, e.keyMark(), set(e.value(), depth + 1)));
                return new ConfigNode.Mapping(entries, mapping.mark());
            }
        }
        entries.add(new ConfigNode.Entry(key, keyMark, created(depth + 1)));
        return new ConfigNode.Mapping(entries, mapping.mark());
    }

    /** The subtree for the segments from {@code depth} on, under a key the file does not have. */
    private ConfigNode created(int depth) {
        List<ConfigPath.Segment> segments = path.segments();
        if (depth == segments.size()) {
            return value;
        }
        if (segments.get(depth) instanceof ConfigPath.Key key) {
            return new ConfigNode.Mapping(List.of(new ConfigNode.Entry(key.name(), keyMark, created(depth + 1))), keyMark);
        }
        throw new IllegalArgumentException("cannot set " + path + ": " + where(depth) + " does not exist, and a sweep "
                + "creates keys, not list items (give the whole list as the value instead)");
    }

    private IllegalArgumentException cannotFollow(int depth, String wanted, ConfigNode found) {
        String what = found instanceof ConfigNode.Scalar s ? "the value " + s.describe() : found.describe();
        return new IllegalArgumentException("cannot set " + path + ": " + where(depth) + " is " + what + " (at "
                + found.mark() + "), which has no " + (wanted.equals("a key") ? "keys" : "list positions"));
    }

    /** "model.d" for the node a path segment at {@code depth} looks into. */
    private String where(int depth) {
        return depth == 0 ? "the top of the file" : path.prefix(depth).toString();
    }
}
