package org.threshold.runs.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.threshold.api.config.ConfigNode;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.sweep.SweepPoint;
import org.threshold.runs.run.Numerics;
import org.threshold.runs.run.Provenance;

/**
 * How {@code sweep.executor.stack} groups the points still to train into processes (SPEC section
 * 10), for every executor alike: each unit is one process (a local process, a Slurm array task),
 * a single point or the points of one stack.
 *
 * <ul>
 *   <li>A point that has started keeps how it started: alone, or in its recorded stack with the
 *       members still to train ({@code numerics.stack}), whatever the setting says now.</li>
 *   <li>Stack 1 (the default): every other point alone, as before stacks.</li>
 *   <li>Stack K: the other points of one shape class ({@link org.threshold.api.sweep.StackShape})
 *       in stacks of K, in the order the executor starts them (larger models first), members in
 *       ascending grid order; a point whose options do not stack trains alone, with a line
 *       saying why.</li>
 *   <li>{@code auto}: points of at most {@value #AUTO_PARAMETERS} parameters stack, in stacks as
 *       large as {@value #AUTO_MOST} allows, split again (the largest first) while the sweep would
 *       have fewer processes than run at once (the local executor's cores; Slurm's
 *       {@code parallel}, and without it one); larger points train alone. Stacking pays where one
 *       model cannot keep a core busy, and each process saved is a JVM start, a dataset and a
 *       warm-up the members share (docs/PERFORMANCE.md, "Stacked training").</li>
 * </ul>
 */
public final class Stacks {

    /** The most points one stack trains. */
    public static final int MAX_STACK = 64;

    /** Under {@code auto}, the largest model that stacks. */
    public static final long AUTO_PARAMETERS = 20_000;
    /** Under {@code auto}, the most points in one stack. */
    public static final int AUTO_MOST = 8;

    private Stacks() {
    }

    /**
     * {@code sweep.executor.stack}: {@code auto} (empty), or K from 1 to {@value #MAX_STACK}; 1
     * (each point in its own process) when absent.
     */
    public static OptionalInt bind(ConfigSection s) {
        if (s.node("stack").isEmpty()) {
            return OptionalInt.of(1);
        }
        ConfigNode node = s.node("stack").get();
        if (node instanceof ConfigNode.Scalar v && v.plain() && v.text().equals("auto")) {
            return OptionalInt.empty();
        }
        if (node instanceof ConfigNode.Scalar v && v.plain() && v.text().matches("\\d{1,2}")
                && Integer.parseInt(v.text()) >= 1 && Integer.parseInt(v.text()) <= MAX_STACK) {
            return OptionalInt.of(Integer.parseInt(v.text()));
        }
        s.problem("stack", "expected auto or a whole number from 1 to " + MAX_STACK + " of points trained as one "
                + "stack, found " + node.describe());
        return OptionalInt.of(1);
    }

    /**
     * The numerics a point's run started with; empty for a point that has not started (or whose
     * provenance is unreadable: the point's own process says why).
     */
    public static Optional<Numerics> startedWith(SweepDirectory sweep, SweepPoint point) {
        try {
            return sweep.run(point.identity()).readProvenance().flatMap(Provenance::numerics);
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** "3,5,7": a stack's members as the point command and the stack's logs name them. */
    public static String indices(List<SweepPoint> unit) {
        return String.join(",", unit.stream().map(p -> String.valueOf(p.index())).toList());
    }

    /**
     * What a member's {@link SweepDirectory#stackNote} says: the stack it trains in, its command
     * and where the stack's logs are.
     */
    public static String note(SweepDirectory sweep, SweepPoint point, List<SweepPoint> unit, String command) {
        List<Integer> members = unit.stream().map(SweepPoint::index).toList();
        return "point " + point.index() + " trains in the stack of points " + indices(unit) + " (sweep.executor.stack; SPEC "
                + "section 10), in one process: " + command + "\nits logs: " + sweep.root().relativize(sweep.stackStdout(members))
                + " and " + sweep.root().relativize(sweep.stackStderr(members)) + " in the sweep directory\n";
    }

    /**
     * @param todo the points to train, in the order to start them
     * @param stack the setting: K, or empty for {@code auto}
     * @param cores the processes that run at once, over which {@code auto} spreads a class
     * @param startedWith the numerics a point's run started with, when it has started
     * @param note told why a point that would stack trains alone
     * @return the processes to start, in order
     */
    public static List<List<SweepPoint>> form(List<SweepPoint> todo, OptionalInt stack, int cores,
                                       Function<SweepPoint, Optional<Numerics>> startedWith, Consumer<String> note) {
        List<List<SweepPoint>> units = new ArrayList<>();
        Set<Integer> placed = new HashSet<>();
        Map<Integer, List<SweepPoint>> byClass = new LinkedHashMap<>();
        for (SweepPoint point : todo) {
            if (placed.contains(point.index())) {
                continue;
            }
            Optional<Numerics> started = startedWith.apply(point);
            if (started.isPresent()) {
                List<Integer> members = started.get().stack().map(Numerics.Stack::members).orElse(List.of(point.index()));
                List<SweepPoint> unit = todo.stream().filter(p -> members.contains(p.index()) && !placed.contains(p.index()))
                        .sorted(Comparator.comparingInt(SweepPoint::index)).toList();
                unit.forEach(p -> placed.add(p.index()));
                units.add(unit);
                continue;
            }
            if (stack.isPresent() && stack.getAsInt() == 1) {
                placed.add(point.index());
                units.add(List.of(point));
            } else if (!point.stacking().stacks()) {
                note.accept(point.describe() + " trains alone: " + point.stacking().alone().orElseThrow());
                placed.add(point.index());
                units.add(List.of(point));
            } else if (stack.isEmpty() && point.parameters() > AUTO_PARAMETERS) {
                placed.add(point.index());
                units.add(List.of(point));
            } else {
                byClass.computeIfAbsent(point.stacking().shapeClass(), c -> new ArrayList<>()).add(point);
            }
        }
        List<Integer> sizes = stack.isPresent()
                ? byClass.values().stream().map(points -> stack.getAsInt()).toList()
                : autoSizes(byClass.values().stream().map(List::size).toList(), units.size(), Math.max(1, cores));
        int c = 0;
        for (List<SweepPoint> points : byClass.values()) {
            int size = sizes.get(c++);
            for (int from = 0; from < points.size(); from += size) {
                List<SweepPoint> unit = new ArrayList<>(points.subList(from, Math.min(points.size(), from + size)));
                unit.sort(Comparator.comparingInt(SweepPoint::index));
                units.add(List.copyOf(unit));
            }
        }
        // larger models first, as for points alone: they take longest
        units.sort(Comparator.comparingLong((List<SweepPoint> u) -> u.get(0).parameters()).reversed()
                .thenComparingInt(u -> u.get(0).index()));
        return units;
    }

    /**
     * {@code auto}'s K for each shape class: as large as {@value #AUTO_MOST} allows (each process
     * saved is a JVM start, a dataset and a warm-up shared), then split again, the largest stacks
     * first, while the sweep would have fewer processes than run at once.
     *
     * @param classes the points of each class
     * @param alone the processes of points that train alone
     */
    static List<Integer> autoSizes(List<Integer> classes, int alone, int cores) {
        int[] size = new int[classes.size()];
        for (int c = 0; c < size.length; c++) {
            size[c] = Math.min(AUTO_MOST, classes.get(c));
        }
        while (true) {
            int processes = alone;
            int largest = -1;
            for (int c = 0; c < size.length; c++) {
                processes += (classes.get(c) + size[c] - 1) / size[c];
                if (size[c] > 1 && (largest < 0 || size[c] > size[largest])) {
                    largest = c;
                }
            }
            if (processes >= cores || largest < 0) {
                break;
            }
            int stacks = (classes.get(largest) + size[largest] - 1) / size[largest];
            // one stack more for that class (ceil(n / (stacks + 1))), and always a smaller K
            size[largest] = Math.min(size[largest] - 1, (classes.get(largest) + stacks) / (stacks + 1));
        }
        List<Integer> out = new ArrayList<>(size.length);
        for (int k : size) {
            out.add(k);
        }
        return out;
    }
}
