package org.threshold.analysis.probe;

/** Group and run names as parts of file names. */
final class FileNames {

    private FileNames() {
    }

    /** Letters, digits and . _ + - kept, every other character '_' (a label "accuracy ≥ 0.9" holds spaces). */
    static String safe(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._+-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
    }
}
