package org.threshold.api.config;

import java.util.List;
import java.util.Optional;

/**
 * A YAML value with the position it was read from: the tree that config binding walks. Built
 * from SnakeYAML's composed node tree, so nothing is constructed from tags; sweeps replace
 * subtrees before binding.
 */
public sealed interface ConfigNode permits ConfigNode.Scalar, ConfigNode.Mapping, ConfigNode.Sequence {

    Mark mark();

    /** A short name of the node's kind for messages: "a number", "a mapping", "a list", ... */
    String describe();

    /**
     * Where a problem about the dotted {@code path} (e.g. {@code runtime.output}) found after
     * binding points: its key when the tree gives it, else the nearest enclosing key it gives, else
     * this node. Keys put in place without a line of their own (by a sweep) are passed over.
     */
    default Mark markOf(String path) {
        Mark mark = mark();
        ConfigNode node = this;
        for (String key : path.split("\\.")) {
            if (!(node instanceof Mapping m)) {
                break;
            }
            Optional<Entry> entry = m.entry(key);
            if (entry.isEmpty()) {
                break;
            }
            if (entry.get().keyMark().line() > 0) {
                mark = entry.get().keyMark();
            }
            node = entry.get().value();
        }
        return mark;
    }

    /**
     * A scalar as written. {@code plain} is false for quoted scalars, so {@code '10'} stays text
     * and {@code yes} is never a boolean unless a binder decides so.
     */
    record Scalar(String text, boolean plain, Mark mark) implements ConfigNode {

        /** True for an unquoted {@code null}, {@code ~} or empty value. */
        public boolean isNull() {
            return plain && (text.isEmpty() || text.equals("~") || text.equals("null") || text.equals("Null")
                    || text.equals("NULL"));
        }

        @Override
        public String describe() {
            return isNull() ? "nothing (null)" : "'" + text + "'";
        }
    }

    /** One key of a mapping, with the key's own position (where "unknown key" points). */
    record Entry(String key, Mark keyMark, ConfigNode value) {
    }

    /** A mapping in file order; keys are unique (duplicates are rejected when the file is read). */
    record Mapping(List<Entry> entries, Mark mark) implements ConfigNode {

        public Mapping {
            entries = List.copyOf(entries);
        }

        public Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        public Optional<ConfigNode> get(String key) {
            return entry(key).map(Entry::value);
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** A list in file order. */
    record Sequence(List<ConfigNode> items, Mark mark) implements ConfigNode {

        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }
}
