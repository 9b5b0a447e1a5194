package org.threshold.analysis.probe;

import java.util.List;

/**
 * The runs a {@link RunFilter} chose, in the order given, and what a reader must know about the
 * choice (runs left out, a group that is empty, best runs standing in for it).
 *
 * @param filter the filter that chose them
 * @param runs the runs
 * @param notes lines for the picture and the probe's notes
 * @param fallback whether the best runs stand in for an empty accuracy filter
 */
public record RunGroup(RunFilter filter, List<org.threshold.api.probe.TrainedRun> runs, List<String> notes, boolean fallback) {

    public RunGroup {
        runs = List.copyOf(runs);
        notes = List.copyOf(notes);
    }

    public String name() {
        return filter.name();
    }

    public boolean isEmpty() {
        return runs.isEmpty();
    }

    /** "MAX+MED+SUM (3 runs)" or "SUM (best 3 runs, none ≥ 0.9)". */
    public String title() {
        String count = runs.size() == 1 ? "1 run" : runs.size() + " runs";
        return name() + " (" + (fallback ? "best " + count + ", none reached the filter" : count) + ")";
    }

    /** The name as a piece of a file name: letters, digits and . _ + - kept, the rest '_'. */
    public String fileName() {
        return FileNames.safe(name());
    }
}
