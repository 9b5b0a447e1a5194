package org.threshold.api.config;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML text into a {@link ConfigNode} tree with positions, constructing nothing (DESIGN.md,
 * "SnakeYAML, done right"). SnakeYAML's composer stops at the first syntax error, so those throw;
 * what it lets through and we must check ourselves (duplicate keys, tags, merge keys, keys that
 * are not text) is collected, so that one pass reports all of them together with the binding
 * problems.
 */
final class YamlReader {

    /**
     * Aliases may expand a small file into a huge tree: SnakeYAML allows 50 aliases of lists or
     * mappings, which still doubles up to 2^25 values; this caps the expanded tree.
     */
    static final int MAX_VALUES = 100_000;

    /** SnakeYAML's default limits, stated so nobody loosens them by accident (DESIGN.md, "SnakeYAML, done right"). */
    static final int MAX_ALIASES = 50;
    static final int MAX_DEPTH = 50;
    /** The most characters (code points) a config may hold: SnakeYAML's default, checked here so that it has a position. */
    static final int MAX_CODE_POINTS = 3 << 20;

    private static final String STANDARD_TAG_PREFIX = "tag:yaml.org,2002:";

    private final String file;
    private final Resolver resolver = new Resolver();
    private final List<ConfigProblem> problems = new ArrayList<>();
    private int values;

    /**
     * The tree read and the problems found in it (not syntax errors: those throw).
     *
     * @param empty whether the text holds no YAML value at all (empty, blank or only comments): the
     *     root is then an empty mapping at 1:1
     */
    record Reading(ConfigNode root, List<ConfigProblem> problems, boolean empty) {
    }

    private YamlReader(String file) {
        this.file = file;
    }

    static Reading read(String text, String file) {
        if (text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
            throw new ConfigException(new ConfigProblem(position(text, text.offsetByCodePoints(0, MAX_CODE_POINTS), file), "",
                    String.format(java.util.Locale.ROOT, "expected a config of at most %,d characters, found more (the limit is "
                            + "passed here); a run file is a few lines of settings", MAX_CODE_POINTS)));
        }
        LoaderOptions options = options();
        Node node;
        try {
            node = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new ConfigException(syntaxProblem(e, file));
        } catch (YAMLException e) {
            // SnakeYAML's alias and depth limits throw without a position: find the place ourselves.
            throw new ConfigException(limitProblem(e.getMessage(), text, file));
        }
        YamlReader reader = new YamlReader(file);
        ConfigNode root;
        if (node == null) {
            root = new ConfigNode.Mapping(List.of(), new Mark(file, 1, 1));
        } else {
            try {
                root = reader.convert(node, "");
            } catch (TooManyValues e) {
                throw new ConfigException(new ConfigProblem(e.mark, "", "expected at most " + MAX_VALUES
                        + " values after expanding aliases, found more (aliases (*name) that repeat each other grow exponentially)"));
            }
        }
        return new Reading(root, List.copyOf(reader.problems), node == null);
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        // SnakeYAML's defaults, stated so nobody loosens them by accident: 50 aliases of
        // collections, nesting 50 deep, the default tag inspector (no global tags).
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        return options;
    }

    private static ConfigProblem syntaxProblem(MarkedYAMLException e, String file) {
        org.yaml.snakeyaml.error.Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        Mark mark = at == null ? Mark.unknown(file) : mark(at, file);
        String problem = e.getProblem() == null ? "not valid YAML" : e.getProblem().trim();
        if (problem.startsWith("Global tag is not allowed: ")) {
            String tag = shortTag(problem.substring("Global tag is not allowed: ".length()));
            return new ConfigProblem(mark, "", "expected a value without a tag, found the global tag '" + tag
                    + "' (tags that name classes are refused)");
        }
        StringBuilder message = new StringBuilder("invalid YAML: ").append(problem);
        if (e.getContext() != null && e.getContextMark() != null && e.getContextMark() != at) {
            message.append(" (").append(e.getContext().trim()).append(" at ")
                    .append(e.getContextMark().getLine() + 1).append(':').append(e.getContextMark().getColumn() + 1)
                    .append(')');
        }
        return new ConfigProblem(mark, "", message.toString());
    }

    /**
     * The problem for one of SnakeYAML's limits, at the place it was passed: the events of the
     * text are read again (parsing builds no tree, so this is cheap even for an alias bomb) and
     * counted the way SnakeYAML's composer counts them.
     */
    private static ConfigProblem limitProblem(String message, String text, String file) {
        String m = message == null ? "" : message;
        if (m.startsWith("Number of aliases for non-scalar nodes exceeds")) {
            return new ConfigProblem(LimitPlace.aliasPastLimit(text, file, options()), "", "expected at most " + MAX_ALIASES
                    + " aliases (*name) of lists or mappings, found more: this is alias " + (MAX_ALIASES + 1)
                    + " (a guard against alias bombs); write the values out instead of repeating aliases");
        }
        if (m.startsWith("Nesting Depth exceeded")) {
            return new ConfigProblem(LimitPlace.nestingPastLimit(text, file, options()), "", "expected lists and mappings nested at most "
                    + MAX_DEPTH + " deep, found deeper nesting: this value is at depth " + (MAX_DEPTH + 1));
        }
        return new ConfigProblem(new Mark(file, 1, 1), "", "invalid YAML: " + m);
    }

    /** Line and column (1-based, in characters) of {@code index} in {@code text}. */
    static Mark position(CharSequence text, int index, String file) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < index; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(c)) {
                column++;
            }
        }
        return new Mark(file, line, column);
    }

    private static Mark mark(org.yaml.snakeyaml.error.Mark m, String file) {
        return new Mark(file, m.getLine() + 1, m.getColumn() + 1);
    }

    private Mark mark(Node node) {
        return mark(node.getStartMark(), file);
    }

    private static String shortTag(String tag) {
        return tag.startsWith(STANDARD_TAG_PREFIX) ? "!!" + tag.substring(STANDARD_TAG_PREFIX.length()) : tag;
    }

    private static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private ConfigNode convert(Node node, String path) {
        if (++values > MAX_VALUES) {
            throw new TooManyValues(mark(node));
        }
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar, path);
        }
        if (node instanceof SequenceNode sequence) {
            if (!sequence.getTag().equals(Tag.SEQ)) {
                tagProblem(node, path);
            }
            List<ConfigNode> items = new ArrayList<>();
            for (int i = 0; i < sequence.getValue().size(); i++) {
                items.add(convert(sequence.getValue().get(i), path + "[" + i + "]"));
            }
            return new ConfigNode.Sequence(items, mark(node));
        }
        MappingNode mapping = (MappingNode) node;
        if (!mapping.getTag().equals(Tag.MAP)) {
            tagProblem(node, path);
        }
        List<ConfigNode.Entry> entries = new ArrayList<>();
        Map<String, Mark> seen = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode key)) {
                problems.add(new ConfigProblem(mark(keyNode), path, "expected a key that is text, found "
                        + (keyNode instanceof MappingNode ? "a mapping" : "a list")));
                continue;
            }
            if (key.getTag().equals(Tag.MERGE)) {
                problems.add(new ConfigProblem(mark(keyNode), path,
                        "expected a key, found the merge key '<<' (not supported: write the keys out, or use an alias as a value)"));
                continue;
            }
            String name = key.getValue();
            String keyPath = child(path, name);
            Mark first = seen.putIfAbsent(name, mark(keyNode));
            if (first != null) {
                problems.add(new ConfigProblem(mark(keyNode), keyPath, "expected each key once, found '" + name
                        + "' again (first at line " + first.line() + ", column " + first.column() + ")"));
                continue;
            }
            entries.add(new ConfigNode.Entry(name, mark(keyNode), convert(tuple.getValueNode(), keyPath)));
        }
        return new ConfigNode.Mapping(entries, mark(node));
    }

    private ConfigNode scalar(ScalarNode scalar, String path) {
        String text = scalar.getValue();
        Tag implicit = resolver.resolve(NodeId.scalar, text, scalar.isPlain());
        if (scalar.getTag().equals(implicit)) {
            return new ConfigNode.Scalar(text, scalar.isPlain(), mark(scalar));
        }
        if (scalar.getTag().equals(Tag.STR)) {
            // "!!str 10": explicitly text, as if quoted.
            return new ConfigNode.Scalar(text, false, mark(scalar));
        }
        tagProblem(scalar, path);
        return new ConfigNode.Scalar(text, scalar.isPlain(), mark(scalar));
    }

    private void tagProblem(Node node, String path) {
        problems.add(new ConfigProblem(mark(node), path, "expected a value without a tag, found the tag '"
                + shortTag(node.getTag().getValue()) + "' (tags are not supported)"));
    }

    /** Thrown out of the recursion when aliases expand the tree beyond {@link #MAX_VALUES}. */
    private static final class TooManyValues extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient Mark mark;

        TooManyValues(Mark mark) {
            super(null, null, false, false);
            this.mark = mark;
        }
    }
}
