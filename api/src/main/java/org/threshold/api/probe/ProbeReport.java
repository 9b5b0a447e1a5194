package org.threshold.api.probe;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a probe found: named numbers (also written to its files), the files it wrote, and notes a
 * reader must see (an empty group, a smaller scale than asked).
 */
public record ProbeReport(String probe, Map<String, Double> figures, List<Path> files, List<String> notes) {

    public ProbeReport {
        figures = Map.copyOf(figures);
        files = List.copyOf(files);
        notes = List.copyOf(notes);
    }
}
