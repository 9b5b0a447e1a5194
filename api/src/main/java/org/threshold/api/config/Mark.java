package org.threshold.api.config;

/**
 * A position in a config file, 1-based, printed as {@code file:line:column} so editors and
 * terminals can jump to it.
 */
public record Mark(String file, int line, int column) {

    /** Where a value came from when it has no file (defaults, sweep overrides built in code). */
    public static Mark unknown(String origin) {
        return new Mark(origin, 0, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
