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

    /**
     * The command that trains these points as one stack (SPEC section 10): {@link #arguments}
     * with the members, ascending and joined by commas ({@code 3,5,7}), as the last argument.
     */
    default List<String> arguments(List<Integer> members, int threads) {
        List<String> command = new java.util.ArrayList<>(arguments(members.get(0), threads));
        command.set(command.size() - 1, joined(members));
        return List.copyOf(command);
    }

    /** The stack's command for people, e.g. {@code threshold run sweep.yaml --index 3,5,7}. */
    default String display(List<Integer> members) {
        String one = display(members.get(0));
        String first = members.get(0).toString();
        return one.endsWith(" " + first) ? one.substring(0, one.length() - first.length()) + joined(members)
                : one + " (points " + joined(members) + ")";
    }

    private static String joined(List<Integer> members) {
        return String.join(",", members.stream().map(String::valueOf).toList());
    }
}
