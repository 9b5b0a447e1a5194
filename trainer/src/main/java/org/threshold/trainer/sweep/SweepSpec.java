package org.threshold.trainer.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigNode;
import org.threshold.api.config.ConfigProblem;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.config.DidYouMean;
import org.threshold.api.config.Mark;
import org.threshold.api.plugin.PluginType;
import org.threshold.api.sweep.SweepExecutorProvider;
import org.threshold.runs.sweep.GridValue;
import org.threshold.runs.sweep.SweepDirectory;

/**
 * The {@code sweep:} section of a run file (docs/SWEEPS.md).
 *
 * <pre>{@code
 * sweep:
 *   name: appendix-c            # the sweep directory's name; default: the file's name
 *   output: sweeps              # its parent
 *   grid:                       # cartesian product over config paths; values are any YAML
 *     model.d: [16, 24, 32, 48]
 *     seed: [1, 2, 3, 4]
 *   variants:                   # named alternatives, one more axis; the name is the mixture label
 *     SUM-900: {task.triplet_dataset: sum-900}
 *   mixture: task.operators     # without variants: the grid key whose value names the mixture
 *   analysis: {threshold: 0.5, baseline: SUM-900}
 *   probes: [{type: embedding-pca}]   # run on the sweep's finished runs by threshold sweep and analyze
 *   executor: {type: local, parallel: auto, threads: auto}
 * }</pre>
 *
 * @param name the sweep directory's name
 * @param output the directory the sweep directory is made in
 * @param grid the variants and grid keys
 * @param mixtureKey the grid key that names a point's mixture, when given
 * @param executor how the points run
 */
public record SweepSpec(String name, String output, Grid grid, Optional<String> mixtureKey, ChosenExecutor executor) {

    /** The executor of a sweep file that names none. */
    public static final String DEFAULT_EXECUTOR = "local";

    /** Sweep names become directory names. */
    private static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._+=-]*";

    /** A grid of more points than this is refused: it is a mistake, or a job for several sweeps. */
    static final long MAX_POINTS = 100_000;

    public SweepDirectory directory() {
        return new SweepDirectory(java.nio.file.Path.of(output, name));
    }

    /**
     * Binds the section. Problems at a key's own position (a grid key that is not a path, a value
     * listed twice) go to {@code document}; the others to the section.
     *
     * @param defaultName the sweep's name when the section gives none (the file's name)
     * @param executors the executor plugins by name
     * @param analysis binds {@code sweep.analysis}, whose record is the analysis module's
     */
    public static SweepSpec bind(ConfigSection s, ConfigDocument document, String defaultName,
                                 Map<String, SweepExecutorProvider<?>> executors, SectionBinder analysis) {
        String name = s.text("name", defaultName);
        if (!name.matches(NAME_PATTERN)) {
            s.problem("name", "expected a directory name of letters, digits and . _ + = - (starting with a letter or digit), found '"
                    + name + "'" + (s.has("name") ? "" : " (the file's name; give sweep.name)"));
        }
        String output = s.text("output", "sweeps");
        if (output.isBlank()) {
            s.problem("output", "expected the directory to make the sweep directory in, found nothing");
        }
        String path = s.path();
        List<GridAxis> axes = s.node("grid").map(node -> axes(node, path + ".grid", document)).orElse(List.of());
        List<Variant> variants = s.node("variants").map(node -> variants(node, path + ".variants", document)).orElse(List.of());
        checkOverlaps(axes, variants, document);
        List<String> gridKeys = axes.stream().map(GridAxis::key).toList();
        Optional<String> mixtureKey = s.optionalText("mixture");
        mixtureKey.filter(k -> !gridKeys.contains(k)).ifPresent(k -> s.problem("mixture", (gridKeys.isEmpty()
                ? "expected a grid key, but the sweep has no grid"
                : "expected one of the grid keys " + String.join(", ", gridKeys)) + ", found '" + k + "'"
                + DidYouMean.hint(k, gridKeys)));
        analysis.bind(s.section("analysis"), gridKeys, document);
        // Sweep-level probes (docs/PROBES.md): kept as written here, bound by the app against the probe plugins.
        s.node("probes");
        ConfigSection executorSection = s.section("executor");
        ChosenExecutor executor = PluginType.select(executorSection, SweepExecutorProvider.KIND, executors,
                        Optional.of(DEFAULT_EXECUTOR))
                .map(p -> ChosenExecutor.of(p, executorSection))
                .orElse(new ChosenExecutor(DEFAULT_EXECUTOR, () -> {
                    throw new IllegalStateException("the sweep file's executor has problems; it was checked before use");
                }));
        Grid grid = new Grid(variants, axes);
        if (grid.size() > MAX_POINTS) {
            s.problem("grid", "expected at most " + MAX_POINTS + " grid points, found " + grid.size()
                    + " (split the sweep into several files)");
            grid = new Grid(List.of(), List.of());
        }
        return new SweepSpec(name, output, grid, mixtureKey, executor);
    }

    private static List<GridAxis> axes(ConfigNode node, String path, ConfigDocument document) {
        if (node instanceof ConfigNode.Scalar s && s.isNull()) {
            return List.of();
        }
        if (!(node instanceof ConfigNode.Mapping mapping)) {
            document.report(new ConfigProblem(node.mark(), path, "expected a mapping of config paths to lists of values "
                    + "(e.g. model.d: [16, 32]), found " + node.describe()));
            return List.of();
        }
        List<GridAxis> axes = new ArrayList<>();
        for (ConfigNode.Entry e : mapping.entries()) {
            String keyPath = path + "." + e.key();
            Optional<ConfigPath> target = target(e.key(), e.keyMark(), keyPath, document);
            if (!(e.value() instanceof ConfigNode.Sequence values) || values.items().isEmpty()) {
                document.report(new ConfigProblem(e.value().mark(), keyPath, "expected a list of the values " + e.key()
                        + " takes (e.g. [16, 32]; a list value is written inside the list: [[MAX], [MAX, SUM]]), found "
                        + e.value().describe()));
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (ConfigNode value : values.items()) {
                if (!seen.add(GridValue.text(value))) {
                    document.report(new ConfigProblem(value.mark(), keyPath, "the value " + GridValue.text(value)
                            + " is listed twice; two grid points would be one run"));
                }
            }
            target.ifPresent(p -> axes.add(new GridAxis(e.key(), p, e.keyMark(), values.items())));
        }
        return axes;
    }

    private static List<Variant> variants(ConfigNode node, String path, ConfigDocument document) {
        if (node instanceof ConfigNode.Scalar s && s.isNull()) {
            return List.of();
        }
        if (!(node instanceof ConfigNode.Mapping mapping)) {
            document.report(new ConfigProblem(node.mark(), path, "expected a mapping of variant names to their changes "
                    + "(e.g. SUM-900: {task.triplet_dataset: sum-900}), found " + node.describe()));
            return List.of();
        }
        List<Variant> variants = new ArrayList<>();
        for (ConfigNode.Entry e : mapping.entries()) {
            String variantPath = path + "." + e.key();
            if (e.key().isBlank()) {
                document.report(new ConfigProblem(e.keyMark(), variantPath, "expected a variant name (the mixture label), found nothing"));
                continue;
            }
            List<Assignment> assignments = new ArrayList<>();
            if (e.value() instanceof ConfigNode.Mapping changes) {
                for (ConfigNode.Entry c : changes.entries()) {
                    target(c.key(), c.keyMark(), variantPath + "." + c.key(), document)
                            .ifPresent(p -> assignments.add(new Assignment(p, c.value(), variantPath + "." + c.key(), c.keyMark())));
                }
            } else if (!(e.value() instanceof ConfigNode.Scalar s && s.isNull())) {
                document.report(new ConfigProblem(e.value().mark(), variantPath, "expected a mapping of config paths to "
                        + "values (e.g. {task.triplet_dataset: sum-900}), found " + e.value().describe()));
                continue;
            }
            variants.add(new Variant(e.key(), e.keyMark(), assignments));
        }
        return variants;
    }

    /** A sweep key as a path; the sweep section itself and the runs' output are not the sweep's to vary. */
    private static Optional<ConfigPath> target(String key, Mark keyMark, String keyPath, ConfigDocument document) {
        ConfigPath target;
        try {
            target = ConfigPath.parse(key);
        } catch (IllegalArgumentException e) {
            document.report(new ConfigProblem(keyMark, keyPath, e.getMessage()));
            return Optional.empty();
        }
        if (target.top().equals("sweep")) {
            document.report(new ConfigProblem(keyMark, keyPath, "a sweep cannot vary its own section"));
            return Optional.empty();
        }
        if (target.startsWith(ConfigPath.parse("runtime.output")) || ConfigPath.parse("runtime.output").startsWith(target)) {
            document.report(new ConfigProblem(keyMark, keyPath, "runtime.output is where the sweep puts its runs "
                    + "(<sweep.output>/<sweep.name>/runs); set sweep.output instead"));
            return Optional.empty();
        }
        return Optional.of(target);
    }

    /** Two grid keys, or a grid key and a variant's key, that set one place would fight over it. */
    private static void checkOverlaps(List<GridAxis> axes, List<Variant> variants, ConfigDocument document) {
        for (int i = 0; i < axes.size(); i++) {
            for (int j = 0; j < i; j++) {
                ConfigPath a = axes.get(i).path();
                ConfigPath b = axes.get(j).path();
                if (a.startsWith(b) || b.startsWith(a)) {
                    document.report(new ConfigProblem(axes.get(i).keyMark(), "sweep.grid." + axes.get(i).key(),
                            "sets the same place as the grid key " + axes.get(j).key() + " (" + (a.startsWith(b) ? a + " lies inside " + b
                                    : b + " lies inside " + a) + "); vary it in one key"));
                }
            }
        }
        for (Variant v : variants) {
            for (Assignment change : v.assignments()) {
                for (GridAxis axis : axes) {
                    if (change.path().startsWith(axis.path())) {
                        document.report(new ConfigProblem(change.keyMark(), change.sweepKey(), "the grid key " + axis.key()
                                + " sets this place too, after the variant, so the variant's value would be lost (a variant "
                                + "may set a section that the grid varies a key inside, not the other way round)"));
                    }
                }
            }
        }
    }
}
