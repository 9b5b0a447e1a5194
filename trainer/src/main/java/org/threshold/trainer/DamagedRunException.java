package org.threshold.trainer;

import java.nio.file.Path;
import java.util.List;
import org.threshold.runs.DamagedFileException;

/**
 * A run that has checkpoints none of which can be read, and no result: it cannot continue, and is
 * not started over unasked (that would train again what the checkpoints held). The message names
 * each damaged file; the command that trains the run again from step 0 is the caller's to add.
 */
public final class DamagedRunException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String identity;
    private final transient Path directory;
    private final transient List<DamagedFileException> damaged;

    public DamagedRunException(String identity, Path directory, List<DamagedFileException> damaged) {
        super("run " + identity + " cannot continue: none of its checkpoints can be read ("
                + String.join("; ", damaged.stream().map(DamagedFileException::getMessage).toList()) + ")");
        this.identity = identity;
        this.directory = directory;
        this.damaged = List.copyOf(damaged);
    }

    public String identity() {
        return identity;
    }

    public Path directory() {
        return directory;
    }

    public List<DamagedFileException> damaged() {
        return damaged;
    }
}
