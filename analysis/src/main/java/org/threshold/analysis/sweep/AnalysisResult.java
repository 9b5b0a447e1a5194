package org.threshold.analysis.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.threshold.analysis.transition.TransitionRatio;

/**
 * What {@code threshold analyze} found and wrote.
 *
 * @param metric the metric fitted
 * @param mixtures each mixture's transition point (or why it has none)
 * @param ratios the transition-point ratios: sweep.analysis.ratios, or the baseline over each other mixture
 * @param counts per mixture, the runs above the threshold per size ("14.1k: 3 of 3 above")
 * @param files every file written
 */
public record AnalysisResult(String metric, List<MixtureTransition> mixtures, List<TransitionRatio> ratios,
                             List<String> counts, List<Path> files) {

    public AnalysisResult {
        mixtures = List.copyOf(mixtures);
        ratios = List.copyOf(ratios);
        counts = List.copyOf(counts);
        files = List.copyOf(files);
    }

    /** The findings in a few lines, for the terminal. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (MixtureTransition m : mixtures) {
            lines.add(m.mixture() + ": " + m.describe());
            m.learned().ifPresent(l -> lines.add(m.mixture() + ", learned-or-not (logistic ML, Firth): " + l.describe()));
            m.disagreement().ifPresent(d -> lines.add(m.mixture() + ": " + d));
        }
        counts.forEach(lines::add);
        ratios.forEach(r -> lines.add(r.describe()));
        return lines;
    }
}
