package org.threshold.runs;

import java.nio.file.Path;

/**
 * A file of a run or sweep directory that exists but cannot be read: empty, cut short (a full disk,
 * a machine that stopped), not JSON, or without a field its format needs. It names the file and
 * what is wrong with it, so that whoever meets it can say which run is damaged and how, rather
 * than report a parser's exception.
 */
public final class DamagedFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String problem;

    /**
     * @param file the damaged file
     * @param problem what is wrong with it, e.g. "it is empty", "it has no field 'steps'"
     */
    public DamagedFileException(Path file, String problem) {
        super(file + " is damaged: " + problem);
        this.file = file;
        this.problem = problem;
    }

    public DamagedFileException(Path file, String problem, Throwable cause) {
        super(file + " is damaged: " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    /** What is wrong, without the file's name: "it is empty". */
    public String problem() {
        return problem;
    }
}
