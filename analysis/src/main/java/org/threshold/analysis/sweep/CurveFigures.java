package org.threshold.analysis.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threshold.analysis.plot.TrainingCurve;
import org.threshold.runs.sweep.IndexEntry;
import org.threshold.runs.sweep.SweepIndex;

/**
 * Which runs' training curves are drawn, one figure per group (docs/SWEEPS.md):
 * {@code sweep.analysis.curves} gives one filter per figure; without it, one figure per mixture
 * holding that mixture's runs of the first seed (the first value of a grid key named
 * {@code seed}, when there is one), smallest model first.
 */
final class CurveFigures {

    /** More lines than this are not told apart in one figure. */
    static final int MAX_RUNS = 10;

    /**
     * @param title the figure's title
     * @param file the PNG's name in analysis/
     * @param curves the runs, each labelled by what tells it apart
     */
    record Group(String title, String file, List<TrainingCurve> curves) {
    }

    private CurveFigures() {
    }

    static List<Group> groups(SweepIndex index, List<SweepRun> runs, Optional<List<CurveFilter>> filters) {
        List<SweepRun> drawable = runs.stream().filter(r -> !r.evaluations().isEmpty())
                .sorted(Comparator.comparingLong(SweepRun::parameters).thenComparingInt(r -> r.point().index())).toList();
        List<Group> groups = new ArrayList<>();
        if (filters.isPresent()) {
            for (int i = 0; i < filters.get().size(); i++) {
                CurveFilter filter = filters.get().get(i);
                List<SweepRun> chosen = drawable.stream().filter(r -> filter.matches(r.point())).limit(MAX_RUNS).toList();
                String title = "Training curves" + (filter.match().isEmpty() ? "" : ": " + filter.describe());
                add(groups, title, "curves-" + (i + 1) + ".png", chosen, filter.match().keySet().stream().toList());
            }
            return groups;
        }
        Optional<String> firstSeed = index.gridKeys().contains("seed")
                ? index.points().stream().map(p -> p.coordinate("seed")).flatMap(Optional::stream).findFirst()
                : Optional.empty();
        for (String mixture : index.mixtures()) {
            Map<String, String> match = new LinkedHashMap<>();
            match.put("mixture", mixture);
            firstSeed.ifPresent(s -> match.put("seed", s));
            CurveFilter filter = new CurveFilter(match);
            List<SweepRun> chosen = drawable.stream().filter(r -> filter.matches(r.point())).limit(MAX_RUNS).toList();
            add(groups, "Training curves: " + filter.describe(), "curves-" + fileName(mixture) + ".png", chosen,
                    List.copyOf(match.keySet()));
        }
        return groups;
    }

    private static void add(List<Group> groups, String title, String file, List<SweepRun> chosen, List<String> fixed) {
        if (chosen.isEmpty()) {
            return;
        }
        List<TrainingCurve> curves = new ArrayList<>();
        for (SweepRun run : chosen) {
            curves.add(new TrainingCurve(label(run.point(), fixed), run.evaluations()));
        }
        groups.add(new Group(title, file, curves));
    }

    /** The mixture and the coordinates the figure does not fix: what tells its runs apart. */
    static String label(IndexEntry point, List<String> fixed) {
        List<String> parts = new ArrayList<>();
        if (!fixed.contains("mixture")) {
            parts.add(point.mixture());
        }
        point.coordinates().keySet().stream().filter(k -> !fixed.contains(k))
                .forEach(k -> parts.add(k + "=" + point.coordinate(k).orElseThrow()));
        return parts.isEmpty() ? point.identity() : String.join(" ", parts);
    }

    /** A mixture label as part of a file name: letters, digits, '.', '_', '-' and '+' kept. */
    static String fileName(String mixture) {
        String name = mixture.replaceAll("[^A-Za-z0-9._+-]", "_");
        return name.isEmpty() || name.startsWith(".") ? "_" + name : name;
    }
}
