package org.threshold.app.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.threshold.api.config.ConfigDocument;
import org.threshold.api.config.ConfigException;
import org.threshold.api.config.ConfigNode;
import org.threshold.api.config.ConfigProblem;
import org.threshold.api.sweep.StackShape;
import org.threshold.api.task.Component;
import org.threshold.app.runfile.RunPlanner;
import org.threshold.runs.sweep.GridValue;
import org.threshold.runs.sweep.IndexEntry;
import org.threshold.runs.sweep.SweepIndex;
import org.threshold.trainer.RunPlan;
import org.threshold.trainer.Trainer;
import org.threshold.trainer.sweep.GridPoint;
import org.threshold.trainer.sweep.SweepFile;

/**
 * Every grid point of a sweep bound as a run file (the run file's own binder, so each point is
 * checked before anything trains), with its run identity and mixture label: the sweep's index.
 *
 * <p>The mixture label (docs/SWEEPS.md): a point's variant name; without variants, the value of
 * the grid key named by {@code sweep.mixture} ({@code [MAX, MED, SUM]} gives MAX+MED+SUM);
 * without either, the task's components joined by '+'. With both a variant and
 * {@code sweep.mixture}, the variant name, a space, and the key's value.
 */
final class SweepPoints {

    private SweepPoints() {
    }

    /**
     * @throws ConfigException with every problem of every point, each named by its points, and
     *     points that would be one run
     */
    static SweepIndex index(SweepFile sweep, RunPlanner planner) {
        return index(sweep, planner, (plan, tree) -> List.of());
    }

    /**
     * As {@link #index(SweepFile, RunPlanner)}, with more checks of every bound point (the checks
     * made before a run starts, {@link org.threshold.app.runfile.Preflight}), whose problems are
     * named by their points like the binding's.
     */
    static SweepIndex index(SweepFile sweep, RunPlanner planner, BiFunction<RunPlan, ConfigNode, List<ConfigProblem>> check) {
        List<IndexEntry> entries = new ArrayList<>();
        Shapes shapes = new Shapes();
        Map<ConfigProblem, List<GridPoint>> problems = new LinkedHashMap<>();
        Map<String, GridPoint> byIdentity = new LinkedHashMap<>();
        List<ConfigProblem> clashes = new ArrayList<>();
        List<GridPoint> points = sweep.grid().points();
        for (GridPoint point : points) {
            RunPlan plan;
            ConfigDocument document = sweep.point(point);
            try {
                plan = planner.plan(document);
            } catch (ConfigException e) {
                e.problems().forEach(p -> problems.computeIfAbsent(p, k -> new ArrayList<>()).add(point));
                continue;
            }
            List<ConfigProblem> found = check.apply(plan, document.tree());
            if (!found.isEmpty()) {
                found.forEach(p -> problems.computeIfAbsent(p, k -> new ArrayList<>()).add(point));
                continue;
            }
            GridPoint same = byIdentity.putIfAbsent(plan.identity(), point);
            if (same != null) {
                clashes.add(new ConfigProblem(sweep.grid().axes().isEmpty() ? sweep.grid().variants().get(0).mark()
                        : sweep.grid().axes().get(0).keyMark(), "sweep", same.describe() + " and " + point.describe()
                        + " are one run (identity " + plan.identity() + "): what differs between them does not change the "
                        + "science (docs/CONFIG.md, identity)"));
            }
            entries.add(entry(sweep, point, plan, shapes.of(plan)));
        }
        List<ConfigProblem> all = new ArrayList<>();
        problems.forEach((problem, at) -> all.add(new ConfigProblem(problem.mark(), problem.path(),
                where(at, points.size()) + ": " + problem.message())));
        all.sort(Comparator.comparing((ConfigProblem p) -> p.mark().file()).thenComparingInt(p -> p.mark().line())
                .thenComparingInt(p -> p.mark().column()));
        all.addAll(clashes);
        if (!all.isEmpty()) {
            throw new ConfigException(all);
        }
        return new SweepIndex(sweep.spec().name(), sweep.grid().axes().stream().map(a -> a.key()).toList(), entries);
    }

    /** The plan of one point, its problems named by the point, for {@code threshold run SWEEP --index I}. */
    static RunPlan plan(SweepFile sweep, int index, RunPlanner planner) {
        GridPoint point = sweep.grid().point(index);
        try {
            return planner.plan(sweep.point(point));
        } catch (ConfigException e) {
            throw new ConfigException(e.problems().stream().map(p -> named(point, p)).toList());
        }
    }

    /** A point's problem, named by the point: "grid point 3 (model.d=16): ...". */
    static ConfigProblem named(GridPoint point, ConfigProblem problem) {
        return new ConfigProblem(problem.mark(), problem.path(), point.describe() + ": " + problem.message());
    }

    static IndexEntry entry(SweepFile sweep, GridPoint point, RunPlan plan, StackShape stacking) {
        return new IndexEntry(point.index(), plan.identity(), mixture(sweep, point, plan), point.variant(),
                SweepFile.coordinates(point), plan.model().parameterCount(), plan.seed(), plan.initSeed(), plan.metric(),
                stacking);
    }

    /**
     * Shape classes of SPEC section 10 in grid order: a point joins the first class whose first
     * point it can share a stack with ({@link Trainer#stackingProblem}), or starts a new one.
     */
    static final class Shapes {

        private final List<RunPlan> firsts = new ArrayList<>();

        StackShape of(RunPlan plan) {
            Optional<String> alone = Trainer.stackingProblem(List.of(plan));
            if (alone.isPresent()) {
                return StackShape.alone(alone.get());
            }
            for (int c = 0; c < firsts.size(); c++) {
                if (Trainer.stackingProblem(List.of(firsts.get(c), plan)).isEmpty()) {
                    return StackShape.of(c);
                }
            }
            firsts.add(plan);
            return StackShape.of(firsts.size() - 1);
        }
    }

    static String mixture(SweepFile sweep, GridPoint point, RunPlan plan) {
        Optional<String> fromKey = sweep.spec().mixtureKey().map(k -> GridValue.mixtureLabel(point.coordinates().get(k)));
        if (point.variant().isPresent()) {
            return point.variant().get() + fromKey.map(v -> " " + v).orElse("");
        }
        return fromKey.orElseGet(() -> String.join("+", plan.task().components().stream().map(Component::name).toList()));
    }

    /** "grid point 3 (model.d=16, seed=2)", "grid points 0, 4, 8 and 5 more", "every grid point". */
    private static String where(List<GridPoint> at, int total) {
        if (at.size() == 1) {
            return at.get(0).describe();
        }
        if (at.size() == total) {
            return "every grid point";
        }
        TreeSet<Integer> indices = new TreeSet<>();
        at.forEach(p -> indices.add(p.index()));
        List<String> shown = indices.stream().limit(5).map(String::valueOf).toList();
        return "grid points " + String.join(", ", shown) + (indices.size() > 5 ? " and " + (indices.size() - 5) + " more" : "");
    }
}
