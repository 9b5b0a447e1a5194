package org.threshold.api.config;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@link ConfigSection} over one mapping of a {@link ConfigNode} tree. It keeps the contract
 * of the interface: wrong values become problems and the default is returned, every key asked for
 * becomes known and resolved, and keys nobody asked for are reported when the section is finished.
 *
 * <p>Resolved values are kept in the order keys were first asked, which is the binder's order, not
 * the file's: two files that differ only in key order resolve to the same text (and run identity).
 */
final class MappingSection implements ConfigSection {

    private static final String WEIGHTS = "a mapping of names to weights, or a list of names";

    private final ConfigDocument document;
    private final String path;
    private final ConfigNode.Mapping mapping;
    private final Set<String> known = new LinkedHashSet<>();
    /** Key to ConfigNode, MappingSection or List of MappingSection, in the order first asked. */
    private final Map<String, Object> resolved = new LinkedHashMap<>();
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final List<MappingSection> children = new ArrayList<>();
    private final Map<String, MappingSection> sections = new HashMap<>();
    private final Map<String, List<ConfigSection>> sectionLists = new HashMap<>();
    private final Set<String> outsideIdentity = new LinkedHashSet<>();
    /** Keys whose value in the identity is not their resolved value: a file's content hash. */
    private final Map<String, ConfigNode> identityValues = new HashMap<>();
    private boolean finished;

    MappingSection(ConfigDocument document, String path, ConfigNode.Mapping mapping) {
        this.document = document;
        this.path = path;
        this.mapping = mapping;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Mark mark() {
        return mapping.mark();
    }

    @Override
    public boolean has(String key) {
        return mapping.entry(key).isPresent();
    }

    @Override
    public Mark mark(String key) {
        return mapping.entry(key).map(ConfigNode.Entry::keyMark).orElse(mark());
    }

    @Override
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        mapping.entries().forEach(e -> keys.add(e.key()));
        return Collections.unmodifiableSet(keys);
    }

    // ---- scalars -------------------------------------------------------------------------

    @Override
    public int integer(String key, int defaultValue, int min, int max) {
        String expected = Scalars.integerRange(min, max, Integer.MIN_VALUE, Integer.MAX_VALUE);
        long v = ask(key).flatMap(e -> whole(pathOf(key), e.value(), min, max, expected)).orElse((long) defaultValue);
        record(key, wholeNode(v));
        return (int) v;
    }

    @Override
    public OptionalInt optionalInteger(String key, int min, int max) {
        String expected = Scalars.integerRange(min, max, Integer.MIN_VALUE, Integer.MAX_VALUE);
        Optional<Long> v = ask(key).filter(e -> !isNull(e.value()))
                .flatMap(e -> whole(pathOf(key), e.value(), min, max, expected));
        record(key, v.map(MappingSection::wholeNode).orElse(nothing()));
        return v.map(x -> OptionalInt.of(x.intValue())).orElse(OptionalInt.empty());
    }

    @Override
    public long longInteger(String key, long defaultValue, long min, long max) {
        String expected = Scalars.integerRange(min, max, Long.MIN_VALUE, Long.MAX_VALUE);
        long v = ask(key).flatMap(e -> whole(pathOf(key), e.value(), min, max, expected)).orElse(defaultValue);
        record(key, wholeNode(v));
        return v;
    }

    @Override
    public double number(String key, double defaultValue, double min, double max) {
        double v = ask(key).flatMap(e -> real(pathOf(key), e.value(), min, max)).orElse(defaultValue);
        record(key, realNode(v));
        return v;
    }

    @Override
    public OptionalDouble optionalNumber(String key, double min, double max) {
        Optional<Double> v = ask(key).filter(e -> !isNull(e.value())).flatMap(e -> real(pathOf(key), e.value(), min, max));
        record(key, v.map(MappingSection::realNode).orElse(nothing()));
        return v.map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }

    @Override
    public boolean flag(String key, boolean defaultValue) {
        boolean v = ask(key).flatMap(e -> {
            Scalars.Read<Boolean> read = Scalars.bool(e.value());
            if (!read.ok()) {
                mismatch(pathOf(key), e.value(), "true or false", read.found());
            }
            return Optional.ofNullable(read.value());
        }).orElse(defaultValue);
        record(key, new ConfigNode.Scalar(Boolean.toString(v), true, Mark.unknown("default")));
        return v;
    }

    @Override
    public String text(String key, String defaultValue) {
        String v = ask(key).flatMap(e -> text(pathOf(key), e.value(), "text")).orElse(defaultValue);
        record(key, text(v));
        return v;
    }

    @Override
    public Optional<String> optionalText(String key) {
        Optional<String> v = ask(key).filter(e -> !isNull(e.value())).flatMap(e -> text(pathOf(key), e.value(), "text"));
        record(key, v.map(MappingSection::text).orElse(nothing()));
        return v;
    }

    @Override
    public Optional<Path> optionalFile(String key) {
        Optional<ConfigNode.Entry> entry = ask(key).filter(e -> !isNull(e.value()));
        if (entry.isEmpty()) {
            return Optional.empty(); // known, but not resolved: the resolved config is as if no one had asked
        }
        Optional<String> written = text(pathOf(key), entry.get().value(), "a file path");
        if (written.isEmpty()) {
            return Optional.empty();
        }
        Mark at = entry.get().value().mark();
        Path file;
        try {
            file = document.directory().resolve(written.get()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            problems.add(new ConfigProblem(at, pathOf(key), "expected a file path, found " + Scalars.quote(written.get())
                    + " (" + e.getReason() + ")"));
            return Optional.empty();
        }
        record(key, text(file.toString()));
        try {
            identityValues.put(key, new ConfigNode.Scalar("sha256:" + sha256(file), false, at));
        } catch (NoSuchFileException e) {
            problems.add(new ConfigProblem(at, pathOf(key), "expected an existing file, found none at " + file));
            return Optional.empty();
        } catch (IOException e) {
            problems.add(new ConfigProblem(at, pathOf(key), "cannot read " + file + ": " + e.getMessage()));
            return Optional.empty();
        }
        return Optional.of(file);
    }

    private static String sha256(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("it is a directory, not a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public String choice(String key, String defaultValue, List<String> allowed) {
        String expected = "one of " + String.join(", ", allowed);
        String v = ask(key).flatMap(e -> text(pathOf(key), e.value(), expected).flatMap(t -> {
            if (allowed.contains(t)) {
                return Optional.of(t);
            }
            mismatch(pathOf(key), e.value(), expected, Scalars.found(e.value()) + DidYouMean.hint(t, allowed));
            return Optional.empty();
        })).orElse(defaultValue);
        record(key, text(v));
        return v;
    }

    // ---- lists ---------------------------------------------------------------------------

    @Override
    public List<Integer> integers(String key, List<Integer> defaultValue, int min, int max) {
        String expected = Scalars.integerRange(min, max, Integer.MIN_VALUE, Integer.MAX_VALUE);
        List<Integer> v = list(key, "a list of " + expected.replaceFirst("^an integer", "integers"),
                (itemPath, item) -> whole(itemPath, item, min, max, expected).map(Long::intValue)).orElse(defaultValue);
        record(key, sequence(v, x -> wholeNode(x)));
        return v;
    }

    @Override
    public List<Double> numbers(String key, List<Double> defaultValue, double min, double max) {
        String expected = Scalars.numberRange(min, max);
        List<Double> v = list(key, "a list of " + expected.replaceFirst("^a number", "numbers"),
                (itemPath, item) -> real(itemPath, item, min, max)).orElse(defaultValue);
        record(key, sequence(v, x -> realNode(x)));
        return v;
    }

    @Override
    public List<String> texts(String key, List<String> defaultValue) {
        List<String> v = list(key, "a list of texts", (itemPath, item) -> text(itemPath, item, "text")).orElse(defaultValue);
        record(key, sequence(v, MappingSection::text));
        return v;
    }

    @Override
    public Map<String, Double> weights(String key, Map<String, Double> defaultValue, List<String> allowed) {
        Optional<ConfigNode.Entry> entry = ask(key);
        Map<String, Double> v = entry.flatMap(e -> weights(key, e.value(), allowed)).orElse(defaultValue);
        Map<String, Double> kept = Collections.unmodifiableMap(new LinkedHashMap<>(v));
        List<ConfigNode.Entry> entries = new ArrayList<>();
        kept.forEach((name, w) -> entries.add(new ConfigNode.Entry(name, Mark.unknown("default"), realNode(w))));
        record(key, new ConfigNode.Mapping(entries, Mark.unknown("default")));
        return kept;
    }

    private Optional<Map<String, Double>> weights(String key, ConfigNode node, List<String> allowed) {
        Map<String, Double> out = new LinkedHashMap<>();
        boolean ok = true;
        if (node instanceof ConfigNode.Mapping m) {
            for (ConfigNode.Entry e : m.entries()) {
                String itemPath = pathOf(key) + "." + e.key();
                ok &= allowedName(itemPath, e.key(), e.keyMark(), allowed);
                Optional<Double> w = real(itemPath, e.value(), 0, Double.MAX_VALUE);
                ok &= w.isPresent();
                w.ifPresent(x -> out.put(e.key(), x));
            }
        } else if (node instanceof ConfigNode.Sequence q) {
            for (int i = 0; i < q.items().size(); i++) {
                ConfigNode item = q.items().get(i);
                String itemPath = pathOf(key) + "[" + i + "]";
                Optional<String> name = text(itemPath, item, "a name");
                if (name.isEmpty()) {
                    ok = false;
                    continue;
                }
                ok &= allowedName(itemPath, name.get(), item.mark(), allowed);
                if (out.put(name.get(), 1.0) != null) {
                    problems.add(new ConfigProblem(item.mark(), itemPath,
                            "expected each name once, found " + Scalars.quote(name.get()) + " again"));
                    ok = false;
                }
            }
        } else {
            mismatch(pathOf(key), node, WEIGHTS, Scalars.found(node));
            return Optional.empty();
        }
        if (ok && out.values().stream().noneMatch(w -> w > 0)) {
            mismatch(pathOf(key), node, "at least one positive weight", out.isEmpty() ? "none" : "only zeros");
            ok = false;
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    private boolean allowedName(String itemPath, String name, Mark at, List<String> allowed) {
        if (allowed.isEmpty() || allowed.contains(name)) {
            return true;
        }
        problems.add(new ConfigProblem(at, itemPath, "expected one of " + String.join(", ", allowed) + ", found "
                + Scalars.quote(name) + DidYouMean.hint(name, allowed)));
        return false;
    }

    // ---- nesting -------------------------------------------------------------------------

    @Override
    public ConfigSection section(String key) {
        MappingSection cached = sections.get(key);
        if (cached != null) {
            return cached;
        }
        Optional<ConfigNode.Entry> entry = ask(key);
        ConfigNode.Mapping m = new ConfigNode.Mapping(List.of(), mark());
        if (entry.isPresent()) {
            ConfigNode v = entry.get().value();
            if (v instanceof ConfigNode.Mapping given) {
                m = given;
            } else if (isNull(v)) {
                m = new ConfigNode.Mapping(List.of(), v.mark());
            } else {
                mismatch(pathOf(key), v, "a mapping", Scalars.found(v));
                m = new ConfigNode.Mapping(List.of(), v.mark());
            }
        }
        MappingSection child = child(pathOf(key), m);
        sections.put(key, child);
        resolved.put(key, child);
        return child;
    }

    @Override
    public Optional<ConfigSection> optionalSection(String key) {
        if (sections.containsKey(key)) {
            return Optional.of(sections.get(key));
        }
        Optional<ConfigNode.Entry> entry = ask(key).filter(e -> !isNull(e.value()));
        if (entry.isEmpty()) {
            return Optional.empty(); // known, but not resolved: the resolved config is as if no one had asked
        }
        if (!(entry.get().value() instanceof ConfigNode.Mapping)) {
            mismatch(pathOf(key), entry.get().value(), "a mapping", Scalars.found(entry.get().value()));
            return Optional.empty();
        }
        return Optional.of(section(key));
    }

    @Override
    public List<ConfigSection> sections(String key) {
        List<ConfigSection> cached = sectionLists.get(key);
        if (cached != null) {
            return cached;
        }
        List<ConfigSection> out = new ArrayList<>();
        ask(key).ifPresent(e -> {
            ConfigNode v = e.value();
            if (v instanceof ConfigNode.Sequence q) {
                for (int i = 0; i < q.items().size(); i++) {
                    ConfigNode item = q.items().get(i);
                    String itemPath = pathOf(key) + "[" + i + "]";
                    if (item instanceof ConfigNode.Mapping m) {
                        out.add(child(itemPath, m));
                    } else {
                        mismatch(itemPath, item, "a mapping", Scalars.found(item));
                    }
                }
            } else if (!isNull(v)) {
                mismatch(pathOf(key), v, "a list of mappings", Scalars.found(v));
            }
        });
        List<ConfigSection> kept = List.copyOf(out);
        sectionLists.put(key, kept);
        resolved.put(key, kept);
        return kept;
    }

    @Override
    public Optional<ConfigNode> node(String key) {
        Optional<ConfigNode> v = ask(key).map(ConfigNode.Entry::value);
        v.ifPresent(n -> resolved.put(key, n));
        return v;
    }

    @Override
    public void problem(String key, String message) {
        problems.add(new ConfigProblem(mark(key), pathOf(key), message));
    }

    @Override
    public List<ConfigProblem> problems() {
        List<ConfigProblem> all = new ArrayList<>();
        collect(all);
        return ConfigDocument.inFileOrder(all);
    }

    private void collect(List<ConfigProblem> into) {
        into.addAll(problems);
        children.forEach(c -> c.collect(into));
    }

    // ---- finishing -----------------------------------------------------------------------

    /** Reports the keys no binder asked for, here and in every section under this one (once). */
    void finish() {
        if (!finished) {
            finished = true;
            List<String> absent = known.stream().filter(k -> !has(k)).toList();
            for (ConfigNode.Entry e : mapping.entries()) {
                if (!known.contains(e.key())) {
                    String expected = known.isEmpty() ? "no keys here" : "one of the keys " + String.join(", ", known);
                    // A key the file lacks is the likelier meaning; one it has is still a good
                    // guess ('sed' in a sweep's grid, where the file also sets seed).
                    String hint = DidYouMean.hint(e.key(), absent);
                    problems.add(new ConfigProblem(e.keyMark(), pathOf(e.key()), "expected " + expected + ", found "
                            + Scalars.quote(e.key()) + (hint.isEmpty() ? DidYouMean.hint(e.key(), known) : hint)));
                }
            }
        }
        children.forEach(MappingSection::finish);
    }

    @Override
    public void outsideIdentity(String key) {
        if (!resolved.containsKey(key)) {
            throw new IllegalStateException("ask for " + pathOf(key) + " before leaving it out of the identity");
        }
        outsideIdentity.add(key);
    }

    /** The resolved mapping: every key asked for with the value used, defaults filled in. */
    ConfigNode.Mapping resolvedNode() {
        return resolvedNode(false);
    }

    /**
     * @param forIdentity without the keys left {@link #outsideIdentity(String) outside the identity},
     *     here and in the sections under this one
     */
    ConfigNode.Mapping resolvedNode(boolean forIdentity) {
        List<ConfigNode.Entry> entries = new ArrayList<>();
        resolved.forEach((key, value) -> {
            if (forIdentity && outsideIdentity.contains(key)) {
                return;
            }
            Mark keyMark = mapping.entry(key).map(ConfigNode.Entry::keyMark).orElse(mark());
            ConfigNode v = forIdentity && identityValues.containsKey(key) ? identityValues.get(key) : resolvedValue(value, forIdentity);
            entries.add(new ConfigNode.Entry(key, keyMark, v));
        });
        return new ConfigNode.Mapping(entries, mark());
    }

    private static ConfigNode resolvedValue(Object value, boolean forIdentity) {
        if (value instanceof MappingSection s) {
            return s.resolvedNode(forIdentity);
        }
        if (value instanceof List<?> list) {
            List<ConfigNode> items = new ArrayList<>();
            for (Object item : list) {
                items.add(((MappingSection) item).resolvedNode(forIdentity));
            }
            return new ConfigNode.Sequence(items, Mark.unknown("default"));
        }
        return (ConfigNode) value;
    }

    // ---- reading one value ---------------------------------------------------------------

    private MappingSection child(String childPath, ConfigNode.Mapping m) {
        MappingSection child = new MappingSection(document, childPath, m);
        children.add(child);
        return child;
    }

    private Optional<ConfigNode.Entry> ask(String key) {
        known.add(key);
        return mapping.entry(key);
    }

    private void record(String key, ConfigNode value) {
        resolved.put(key, value);
    }

    private String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private void mismatch(String at, ConfigNode value, String expected, String found) {
        problems.add(new ConfigProblem(value.mark(), at, "expected " + expected + ", found " + found));
    }

    private Optional<Long> whole(String at, ConfigNode node, long min, long max, String expected) {
        Scalars.Read<BigDecimal> read = Scalars.decimal(node);
        if (!read.ok()) {
            mismatch(at, node, expected, read.found());
            return Optional.empty();
        }
        BigDecimal v = read.value();
        if (!Scalars.isWhole(v) || v.compareTo(BigDecimal.valueOf(min)) < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
            mismatch(at, node, expected, Scalars.found(node));
            return Optional.empty();
        }
        return Optional.of(v.longValueExact());
    }

    private Optional<Double> real(String at, ConfigNode node, double min, double max) {
        String expected = Scalars.numberRange(min, max);
        Scalars.Read<BigDecimal> read = Scalars.decimal(node);
        if (!read.ok()) {
            mismatch(at, node, expected, read.found());
            return Optional.empty();
        }
        BigDecimal v = read.value();
        boolean belowMin = !Double.isInfinite(min) && v.compareTo(new BigDecimal(min)) < 0;
        boolean aboveMax = !Double.isInfinite(max) && v.compareTo(new BigDecimal(max)) > 0;
        if (belowMin || aboveMax || Double.isInfinite(v.doubleValue())) {
            mismatch(at, node, expected, Scalars.found(node));
            return Optional.empty();
        }
        return Optional.of(v.doubleValue());
    }

    private Optional<String> text(String at, ConfigNode node, String expected) {
        if (node instanceof ConfigNode.Scalar s && !s.isNull()) {
            return Optional.of(s.text());
        }
        mismatch(at, node, expected, Scalars.found(node));
        return Optional.empty();
    }

    private <T> Optional<List<T>> list(String key, String expected, ItemReader<T> reader) {
        return ask(key).flatMap(e -> {
            if (!(e.value() instanceof ConfigNode.Sequence q)) {
                String hint = e.value() instanceof ConfigNode.Scalar s && !s.isNull() ? " (write [" + s.text() + "])" : "";
                mismatch(pathOf(key), e.value(), expected, Scalars.found(e.value()) + hint);
                return Optional.empty();
            }
            List<T> out = new ArrayList<>();
            boolean ok = true;
            for (int i = 0; i < q.items().size(); i++) {
                Optional<T> item = reader.read(pathOf(key) + "[" + i + "]", q.items().get(i));
                ok &= item.isPresent();
                item.ifPresent(out::add);
            }
            return ok ? Optional.of(List.copyOf(out)) : Optional.empty();
        });
    }

    /** Reads one list item, recording a problem under {@code itemPath} when it cannot. */
    private interface ItemReader<T> {
        Optional<T> read(String itemPath, ConfigNode item);
    }

    private static boolean isNull(ConfigNode node) {
        return node instanceof ConfigNode.Scalar s && s.isNull();
    }

    private static ConfigNode wholeNode(long v) {
        return new ConfigNode.Scalar(Long.toString(v), true, Mark.unknown("default"));
    }

    private static ConfigNode realNode(double v) {
        return new ConfigNode.Scalar(Double.toString(v), true, Mark.unknown("default"));
    }

    private static ConfigNode text(String v) {
        return new ConfigNode.Scalar(v, false, Mark.unknown("default"));
    }

    private static ConfigNode nothing() {
        return new ConfigNode.Scalar("null", true, Mark.unknown("default"));
    }

    private static <T> ConfigNode sequence(List<T> values, Function<T, ConfigNode> item) {
        return new ConfigNode.Sequence(values.stream().map(item).toList(), Mark.unknown("default"));
    }
}
