package org.threshold.trainer.sweep.local;

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
import org.threshold.api.sweep.SweepPoint;
import org.threshold.runs.run.Numerics;

/**
 * How {@code sweep.executor.stack} groups the points still to train into processes (SPEC section
 * 10): each unit is one process, a single point or the points of one stack.
 *
 * <ul>
 *   <li>A point that has started keeps how it started: alone, or in its recorded stack with the
 *       members still to train ({@code numerics.stack}), whatever the setting says now.</li>
 *   <li>Stack 1 (the default): every other point alone, as before stacks.</li>
 *   <li>Stack K: the other points of one shape class ({@link org.threshold.api.sweep.StackShape})
 *       in stacks of K, in the order the executor starts them (larger models first), members in
 *       ascending grid order; a point whose options do not stack trains alone, with a line
 *       saying why.</li>
 *   <li>{@code auto}: points of at most {@value #AUTO_PARAMETERS} parameters stack, K being the
 *       class's points spread evenly over the cores (at most {@value #AUTO_MOST}); larger points
 *       train alone. Stacking pays where one model cannot keep a core busy (docs/PERFORMANCE.md,
 *       "Stacked training").</li>
 * </ul>
 */
final class Stacks {

    /** Under {@code auto}, the largest model that stacks. */
    static final long AUTO_PARAMETERS = 20_000;
    /** Under {@code auto}, the most points in one stack. */
    static final int AUTO_MOST = 8;

    private Stacks() {
    }

    /**
     * @param todo the points to train, in the order to start them
     * @param stack the setting: K, or empty for {@code auto}
     * @param startedWith the numerics a point's run started with, when it has started
     * @param note told why a point that would stack trains alone
     * @return the processes to start, in order
     */
    static List<List<SweepPoint>> form(List<SweepPoint> todo, OptionalInt stack, int cores,
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
        for (List<SweepPoint> points : byClass.values()) {
            int size = stack.isPresent() ? stack.getAsInt()
                    : Math.min(AUTO_MOST, Math.max(1, (points.size() + Math.max(1, cores) - 1) / Math.max(1, cores)));
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
}
