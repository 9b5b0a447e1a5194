package org.threshold.trainer.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threshold.api.config.ConfigNode;

/**
 * The cartesian product of a sweep's variants and grid keys. Points are numbered with the
 * variants outermost, then the grid keys in the order written, the last varying fastest, so
 * {@code variants: {A, B}, grid: {model.d: [16, 24], seed: [1, 2]}} gives
 * A 16 1, A 16 2, A 24 1, A 24 2, B 16 1, …
 *
 * <p>A point's number depends on the file (adding a value renumbers the points after it); its run
 * directory does not: that is named by the run's identity, so existing runs keep their names.
 */
public final class Grid {

    private final List<Variant> variants;
    private final List<GridAxis> axes;

    public Grid(List<Variant> variants, List<GridAxis> axes) {
        this.variants = List.copyOf(variants);
        this.axes = List.copyOf(axes);
    }

    public List<Variant> variants() {
        return variants;
    }

    public List<GridAxis> axes() {
        return axes;
    }

    /** The number of points; at least 1 (a sweep without grid and variants is the file itself). */
    public long size() {
        long size = Math.max(1, variants.size());
        for (GridAxis axis : axes) {
            size *= axis.values().size();
        }
        return size;
    }

    /**
     * The point at {@code index}.
     *
     * @throws IndexOutOfBoundsException for an index outside 0..size-1
     */
    public GridPoint point(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("index " + index + " is outside the sweep's " + size() + " grid points (0 to "
                    + (size() - 1) + ")");
        }
        int rest = index;
        int[] positions = new int[axes.size()];
        for (int a = axes.size() - 1; a >= 0; a--) {
            int count = axes.get(a).values().size();
            positions[a] = rest % count;
            rest /= count;
        }
        List<Assignment> assignments = new ArrayList<>();
        Optional<String> variant = Optional.empty();
        if (!variants.isEmpty()) {
            Variant v = variants.get(rest);
            variant = Optional.of(v.name());
            assignments.addAll(v.assignments());
        }
        Map<String, ConfigNode> coordinates = new LinkedHashMap<>();
        for (int a = 0; a < axes.size(); a++) {
            GridAxis axis = axes.get(a);
            coordinates.put(axis.key(), axis.values().get(positions[a]));
            assignments.add(axis.assignment(positions[a]));
        }
        return new GridPoint(index, variant, coordinates, assignments);
    }

    /** Every point, in index order. */
    public List<GridPoint> points() {
        List<GridPoint> points = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            points.add(point(i));
        }
        return points;
    }
}
