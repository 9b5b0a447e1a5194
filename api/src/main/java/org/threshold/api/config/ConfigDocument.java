package org.threshold.api.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One config being bound: the tree read from a file (or a string, or built by a sweep), its root
 * {@link ConfigSection}, every problem found so far, and the resolved config.
 *
 * <pre>{@code
 * ConfigDocument doc = ConfigDocument.read(Path.of("run.yaml"));   // syntax errors throw here
 * MyConfig config = MyConfig.bind(doc.root());                      // problems are collected
 * doc.check();                          // unknown keys; throws one ConfigException with all problems
 * String resolved = doc.resolvedYaml(); // defaults filled in: what a run directory keeps
 * }</pre>
 *
 * <p>Syntax errors stop at the first (SnakeYAML cannot go on after one) and throw at once; every
 * other problem (duplicate keys, unsupported tags, wrong types, values out of range, unknown keys)
 * is collected so that {@link #check()} reports all of them in one pass, in file order. A file whose
 * top level is not a mapping of settings (a list, a scalar, nothing at all) reports that alone:
 * every other problem would be a consequence of it (no task, no model).
 */
public final class ConfigDocument {

    /**
     * Files above this size are refused without reading further: SnakeYAML's own limit is as many
     * characters, and a character is at least a byte, so a file within this limit stays within it.
     */
    static final int MAX_BYTES = YamlReader.MAX_CODE_POINTS;

    private final String origin;
    private final ConfigNode tree;
    private final List<ConfigProblem> readingProblems;
    private final Optional<ConfigProblem> rootProblem;
    private final List<ConfigProblem> reported = new ArrayList<>();
    private MappingSection root;

    private ConfigDocument(String origin, ConfigNode tree, List<ConfigProblem> readingProblems, boolean empty) {
        this.origin = origin;
        this.tree = tree;
        this.readingProblems = List.copyOf(readingProblems);
        if (empty) {
            this.rootProblem = Optional.of(new ConfigProblem(new Mark(origin, 1, 1), "",
                    "the file is empty: expected a mapping of settings (key: value lines)"));
        } else if (!(tree instanceof ConfigNode.Mapping)) {
            this.rootProblem = Optional.of(new ConfigProblem(tree.mark(), "", "expected a mapping of settings (key: value lines), found "
                    + Scalars.found(tree)));
        } else {
            this.rootProblem = Optional.empty();
        }
    }

    /**
     * Reads a UTF-8 YAML file; positions name the file as given.
     *
     * @throws ConfigException when the file cannot be read, is not UTF-8, is not valid YAML, or
     *     exceeds the alias, nesting or size limits
     */
    public static ConfigDocument read(Path file) {
        String name = file.toString();
        Mark start = new Mark(name, 1, 1);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                // A device such as /dev/zero never ends: reading it would fill the heap.
                throw new ConfigException(new ConfigProblem(start, "", "expected a config file (YAML text), found "
                        + (attributes.isDirectory() ? "a directory" : "a device or another special file") + "; give the path of a .yaml file"));
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_BYTES + 1); // never more, whatever the file system says of its size
            }
            if (bytes.length > MAX_BYTES) {
                throw new ConfigException(new ConfigProblem(Utf8Text.positionOfByte(bytes, MAX_BYTES, name), "",
                        String.format(Locale.ROOT, "expected a config file of at most %,d bytes (3 MB), found a larger one (the "
                                + "limit is passed here); a run file is a few lines of settings", MAX_BYTES)));
            }
            return parse(Utf8Text.decode(bytes, name), name);
        } catch (NoSuchFileException e) {
            throw new ConfigException(new ConfigProblem(Mark.unknown(name), "", "expected a config file, found no file at this path"));
        } catch (IOException e) {
            throw new ConfigException(new ConfigProblem(start, "", "cannot read the file: " + reason(e)));
        }
    }

    /** The operating system's reason, without Java's class names. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Reads YAML text, e.g. a config written in a test; {@code origin} is the file name positions
     * use ({@code origin:line:column}).
     */
    public static ConfigDocument parse(String yaml, String origin) {
        YamlReader.Reading reading = YamlReader.read(yaml, origin);
        return new ConfigDocument(origin, reading.root(), reading.problems(), reading.empty());
    }

    /** Binds a tree built or changed in code (a sweep point); positions keep the marks of its nodes. */
    public static ConfigDocument of(ConfigNode tree, String origin) {
        return new ConfigDocument(origin, tree, List.of(), false);
    }

    /**
     * The same config with another tree, e.g. a sweep point with a subtree replaced; problems found
     * while reading the original (duplicate keys, tags) are kept.
     */
    public ConfigDocument withTree(ConfigNode newTree) {
        return new ConfigDocument(origin, newTree, readingProblems, false);
    }

    /**
     * Where relative file paths in the config point from: the directory of the file it was read
     * from, or the working directory for a config without one.
     */
    Path directory() {
        try {
            Path parent = Path.of(origin).toAbsolutePath().getParent();
            return parent == null ? Path.of("").toAbsolutePath() : parent;
        } catch (InvalidPathException e) {
            return Path.of("").toAbsolutePath();
        }
    }

    /** The file name (or the origin given) that positions use. */
    public String origin() {
        return origin;
    }

    /** The tree as read, before binding. */
    public ConfigNode tree() {
        return tree;
    }

    /** The section over the top-level mapping; the same object on every call. */
    public ConfigSection root() {
        if (root == null) {
            ConfigNode.Mapping mapping = tree instanceof ConfigNode.Mapping m ? m : new ConfigNode.Mapping(List.of(), tree.mark());
            root = new MappingSection(this, "", mapping);
        }
        return root;
    }

    /** Adds a problem found outside a section, e.g. a plugin's create() that refused its config. */
    public void report(ConfigProblem problem) {
        reported.add(problem);
    }

    /**
     * Every problem so far, in file order, without repeats: reading problems, binding problems, and
     * (after {@link #finish()}) unknown keys.
     */
    public List<ConfigProblem> problems() {
        List<ConfigProblem> all = new ArrayList<>(readingProblems);
        if (rootProblem.isPresent()) {
            // Without a mapping at the top every binder finds nothing (no task type, no model
            // type): those are consequences, the cause alone is reported.
            all.add(rootProblem.get());
            return inFileOrder(all);
        }
        if (root != null) {
            all.addAll(root.problems());
        }
        all.addAll(reported);
        return inFileOrder(all);
    }

    /** Reports the keys no binder asked for, in every section bound so far. */
    public void finish() {
        ((MappingSection) root()).finish();
    }

    /**
     * Finishes the document and throws when it has problems.
     *
     * @throws ConfigException with every problem of the document
     */
    public void check() {
        finish();
        List<ConfigProblem> problems = problems();
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /** The resolved config: every key a binder asked for, with the value used (defaults filled in). */
    public ConfigNode.Mapping resolved() {
        return ((MappingSection) root()).resolvedNode();
    }

    /**
     * What a run's identity is made of: {@link #resolved()} without the keys binders left
     * {@link ConfigSection#outsideIdentity(String) outside it}.
     */
    public ConfigNode.Mapping resolvedForIdentity() {
        return ((MappingSection) root()).resolvedNode(true);
    }

    /** {@link #resolved()} as YAML text that reads back to the same config. */
    public String resolvedYaml() {
        return YamlWriter.write(resolved());
    }

    /** Problems sorted by file position (stable; those without a line last), repeats removed. */
    static List<ConfigProblem> inFileOrder(List<ConfigProblem> problems) {
        List<ConfigProblem> unique = new ArrayList<>(new LinkedHashSet<>(problems));
        unique.sort(Comparator.comparing((ConfigProblem p) -> p.mark().file())
                .thenComparingInt(p -> p.mark().line() > 0 ? p.mark().line() : Integer.MAX_VALUE)
                .thenComparingInt(p -> p.mark().column()));
        return List.copyOf(unique);
    }
}
