package org.threshold.api.sweep;

import java.util.List;

/**
 * The command that runs one grid point in a process of its own: {@code threshold run SWEEP_FILE
 * --index I} (the same entry point a cluster scheduler calls). The app builds it, since it knows
 * the Java binary, the class path and the plugins directory.
 */
public interface PointCommand {

    /**
     * The program and its arguments for point {@code index}, every path absolute (a scheduler runs
     * it from elsewhere). The last argument is the index, so that a job script can put the point
     * its task draws in its place.
     *
     * @param threads libtorch threads the process is to use
     */
    List<String> arguments(int index, int threads);

    /** The command for people, e.g. {@code threshold run sweep.yaml --index 3}. */
    String display(int index);
}
