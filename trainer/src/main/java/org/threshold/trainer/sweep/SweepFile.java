package org.threshold.trainer.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigException;
import org.threshold.api.config.ConfigNode;
import org.threshold.api.config.ConfigProblem;
import org.threshold.api.config.Mark;
import org.threshold.api.sweep.SweepExecutorProvider;
import org.threshold.runs.sweep.GridValue;
import org.threshold.runs.sweep.SweepDirectory;

/**
 * A run file with a {@code sweep:} section, read and expanded: the section bound to a
 * {@link SweepSpec}, and for every grid point the run file that point trains.
 *
 * <p>A point's run file is the file without its sweep section, with the variant's and the grid's
 * values put in place (subtrees replaced by path, before binding) and {@code runtime.output} set
 * to the sweep's {@code runs/} directory. It is bound by the same binder as any run file, so its
 * problems name the grid value's own position.
 */
public final class SweepFile {

    private final String origin;
    private final byte[] text;
    private final ConfigDocument document;
    private final ConfigNode.Mapping runFile;
    private final SweepSpec spec;

    private SweepFile(String origin, byte[] text, ConfigDocument document, ConfigNode.Mapping runFile, SweepSpec spec) {
        this.origin = origin;
        this.text = text.clone();
        this.document = document;
        this.runFile = runFile;
        this.spec = spec;
    }

    /**
     * Reads and checks a sweep file.
     *
     * @param executors the executor plugins by name
     * @param executorSettings keys of {@code sweep.executor} given on the command line (e.g.
     *     {@code parallel: 2}), which replace the file's
     * @param analysis binds the {@code sweep.analysis} section (the analysis module's record)
     * @throws ConfigException with every problem of the sweep section, and every grid value that
     *     cannot be put in place
     */
    public static SweepFile read(Path file, Map<String, SweepExecutorProvider<?>> executors,
                                 Map<String, String> executorSettings, SectionBinder analysis) {
        ConfigDocument document = ConfigDocument.read(file);
        byte[] text;
        try {
            text = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException(new ConfigProblem(Mark.unknown(file.toString()), "", "cannot read the file: " + e));
        }
        return of(document, text, executors, executorSettings, analysis);
    }

    /** Reads a sweep file's text, e.g. one written in a test; {@code origin} names it in messages. */
    public static SweepFile parse(String yaml, String origin, Map<String, SweepExecutorProvider<?>> executors,
                                  Map<String, String> executorSettings, SectionBinder analysis) {
        return of(ConfigDocument.parse(yaml, origin), yaml.getBytes(StandardCharsets.UTF_8), executors, executorSettings, analysis);
    }

    private static SweepFile of(ConfigDocument document, byte[] text, Map<String, SweepExecutorProvider<?>> executors,
                                Map<String, String> executorSettings, SectionBinder analysis) {
        String origin = document.origin();
        if (!(document.tree() instanceof ConfigNode.Mapping top)) {
            throw new ConfigException(new ConfigProblem(document.tree().mark(), "", "expected a run file with a sweep: section "
                    + "(docs/SWEEPS.md), found " + document.tree().describe()));
        }
        ConfigNode.Entry sweep = top.entry("sweep").orElseThrow(() -> new ConfigException(new ConfigProblem(top.mark(), "sweep",
                "expected a sweep: section (docs/SWEEPS.md), found none; a file without one is a single run: "
                        + "threshold run " + origin)));
        ConfigNode section = sweep.value();
        for (Map.Entry<String, String> setting : executorSettings.entrySet()) {
            section = withExecutorSetting(section, setting.getKey(), setting.getValue());
        }
        // The section is bound on its own: the rest of the file is each point's, bound when it runs.
        ConfigDocument sweepDocument = ConfigDocument.of(new ConfigNode.Mapping(
                List.of(new ConfigNode.Entry("sweep", sweep.keyMark(), section)), top.mark()), origin);
        SweepSpec spec = SweepSpec.bind(sweepDocument.root().section("sweep"), sweepDocument, stem(origin), executors, analysis);
        List<ConfigNode.Entry> rest = new ArrayList<>(top.entries());
        rest.removeIf(e -> e.key().equals("sweep"));
        SweepFile file = new SweepFile(origin, text, document, new ConfigNode.Mapping(rest, top.mark()), spec);
        file.checkAssignments(sweepDocument);
        sweepDocument.check();
        return file;
    }

    /**
     * The sweep section with {@code executor.<key>} given on the command line; the key's position
     * becomes the command line's, so that a problem with the value points there.
     */
    private static ConfigNode withExecutorSetting(ConfigNode section, String key, String value) {
        if (!(section instanceof ConfigNode.Mapping sweep)) {
            return section;
        }
        Mark given = Mark.unknown("command line (--" + key + ")");
        ConfigNode executor = sweep.get("executor").orElse(new ConfigNode.Mapping(List.of(), given));
        if (executor instanceof ConfigNode.Scalar s && s.isNull()) {
            executor = new ConfigNode.Mapping(List.of(), given);
        }
        if (!(executor instanceof ConfigNode.Mapping settings)) {
            return section;
        }
        List<ConfigNode.Entry> entries = new ArrayList<>(settings.entries());
        entries.removeIf(e -> e.key().equals(key));
        entries.add(new ConfigNode.Entry(key, given, new ConfigNode.Scalar(value, true, given)));
        ConfigNode.Mapping changed = new ConfigNode.Mapping(entries, settings.mark());
        List<ConfigNode.Entry> top = new ArrayList<>(sweep.entries());
        top.removeIf(e -> e.key().equals("executor"));
        top.add(new ConfigNode.Entry("executor", sweep.entry("executor").map(ConfigNode.Entry::keyMark).orElse(given), changed));
        return new ConfigNode.Mapping(top, sweep.mark());
    }

    /** Every grid value must have a place to go in every point; each problem is reported once. */
    private void checkAssignments(ConfigDocument sweepDocument) {
        if (!sweepDocument.problems().isEmpty()) {
            return;
        }
        Set<String> reported = new LinkedHashSet<>();
        for (GridPoint point : spec.grid().points()) {
            ConfigNode tree = runFile;
            for (Assignment a : point.assignments()) {
                try {
                    tree = a.applyTo(tree);
                } catch (IllegalArgumentException e) {
                    if (reported.add(a.sweepKey() + "\n" + e.getMessage())) {
                        sweepDocument.report(new ConfigProblem(a.keyMark(), a.sweepKey(), point.describe() + ": " + e.getMessage()));
                    }
                }
            }
        }
    }

    /** The file's name as given, which positions use. */
    public String origin() {
        return origin;
    }

    /** The file's bytes as given: the sweep directory's sweep.yaml. */
    public byte[] text() {
        return text.clone();
    }

    public SweepSpec spec() {
        return spec;
    }

    public Grid grid() {
        return spec.grid();
    }

    public SweepDirectory directory() {
        return spec.directory();
    }

    /**
     * The run file of grid point {@code index}, ready to be bound like any run file.
     *
     * @throws IndexOutOfBoundsException for an index outside the grid
     */
    public ConfigDocument point(int index) {
        return point(spec.grid().point(index));
    }

    /** The run file of a grid point, ready to be bound like any run file. */
    public ConfigDocument point(GridPoint point) {
        ConfigNode tree = runFile;
        for (Assignment a : point.assignments()) {
            tree = a.applyTo(tree);
        }
        Mark here = Mark.unknown(origin + " (sweep)");
        tree = new Assignment(ConfigPath.parse("runtime.output"), new ConfigNode.Scalar(directory().runs().toString(), false, here),
                "sweep.output", here).applyTo(tree);
        return document.withTree(tree);
    }

    /** The coordinates of a point as the index keeps them. */
    public static Map<String, com.google.gson.JsonElement> coordinates(GridPoint point) {
        Map<String, com.google.gson.JsonElement> out = new LinkedHashMap<>();
        point.coordinates().forEach((k, v) -> out.put(k, GridValue.json(v)));
        return out;
    }

    /** "appendix-c" for examples/paper/appendix-c.yaml. */
    static String stem(String origin) {
        String name = origin.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
